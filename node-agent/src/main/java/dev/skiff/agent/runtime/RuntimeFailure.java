package dev.skiff.agent.runtime;

import java.time.Instant;

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
  public static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
  public static final String INVALID_IMAGE_NAME = "InvalidImageName";

  private final String reason;
  private final Instant retryAt;

  public RuntimeFailure(String reason, String message) {
    this(reason, message, null, null);
  }

  /**
   * @param retryAt when the start should be tried again, instead of the crash back-off (image pulls
   *     keep their own back-off); null: the crash back-off decides
   */
  public RuntimeFailure(String reason, String message, Throwable cause, Instant retryAt) {
    super(message, cause);
    this.reason = reason;
    this.retryAt = retryAt;
  }

  public RuntimeFailure(String reason, String message, Throwable cause) {
    this(reason, message, cause, null);
  }

  public String reason() {
    return reason;
  }

  /** When to try again, or null for the crash back-off. */
  public Instant retryAt() {
    return retryAt;
  }

  /** The reason of {@code t} if it is a RuntimeFailure, else {@code fallback}. */
  public static String reasonOf(Throwable t, String fallback) {
    return t instanceof RuntimeFailure f ? f.reason : fallback;
  }
}
