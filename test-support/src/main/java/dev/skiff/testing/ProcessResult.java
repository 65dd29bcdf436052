package dev.skiff.testing;

/** What one finished process printed, and its exit code. */
public record ProcessResult(int exitCode, String stdout, String stderr) {
  public boolean ok() {
    return exitCode == 0;
  }

  /** Standard output followed by standard error. */
  public String all() {
    return stdout + stderr;
  }

  @Override
  public String toString() {
    return "rc=" + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
  }
}
