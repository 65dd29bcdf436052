package dev.skiff.agent.runtime.docker;

/** A non-2xx answer of the Docker Engine API: its HTTP status and the engine's message. */
public final class DockerException extends RuntimeException {
  private final int status;

  public DockerException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public boolean isNotFound() {
    return status == 404;
  }

  public static boolean isNotFound(Throwable t) {
    return t instanceof DockerException d && d.isNotFound();
  }
}
