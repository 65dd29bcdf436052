package dev.skiff.cli.resource;

/**
 * A failure the CLI reports as one message on stderr and an exit code: 1 for a failed operation, 2
 * for bad usage. The message is printed as is.
 */
public class CliException extends RuntimeException {
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private final int exitCode;

  public CliException(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** {@code error: <message>}, exit 1. */
  public static CliException failed(String message) {
    return new CliException("error: " + message, FAILED);
  }

  /** {@code error: <message>}, exit 2. */
  public static CliException usage(String message) {
    return new CliException("error: " + message, USAGE);
  }

  public int exitCode() {
    return exitCode;
  }
}
