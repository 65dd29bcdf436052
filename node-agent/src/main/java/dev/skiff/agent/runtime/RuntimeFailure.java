package dev.skiff.agent.runtime;

/**
 * A container could not be created or started. {@link #reason()} is the Kubernetes waiting reason
 * callers branch on (e.g. {@code CreateContainerError}, {@code ErrImageNeverPull}); the message is
 * for humans only.
 */
public final class RuntimeFailure extends RuntimeException {
  public static final String CREATE_CONTAINER_ERROR = "CreateContainerError";
  public static final String RUN_CONTAINER_ERROR = "RunContainerError";
  public static final String CREATE_POD_SANDBOX_ERROR = "CreatePodSandboxError";
  public static final String ERR_IMAGE_PULL = "ErrImagePull";
  public static final String ERR_IMAGE_NEVER_PULL = "ErrImageNeverPull";
  public static final String INVALID_IMAGE_NAME = "InvalidImageName";

  private final String reason;

  public RuntimeFailure(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RuntimeFailure(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  /** The reason of {@code t} if it is a RuntimeFailure, else {@code fallback}. */
  public static String reasonOf(Throwable t, String fallback) {
    return t instanceof RuntimeFailure f ? f.reason : fallback;
  }
}
