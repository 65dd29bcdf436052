package dev.skiff.proxy.model;

/** A Service's session affinity: none, or sticky per client IP for {@code timeoutSeconds}. */
public record SessionAffinity(Type type, int timeoutSeconds) {
  /** The Kubernetes default for ClientIP affinity: 3 hours. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 10800;

  public static final SessionAffinity NONE = new SessionAffinity(Type.NONE, 0);

  public enum Type {
    NONE,
    CLIENT_IP
  }

  public SessionAffinity {
    if (type == Type.CLIENT_IP && timeoutSeconds <= 0) {
      timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    }
  }

  public static SessionAffinity clientIP(int timeoutSeconds) {
    return new SessionAffinity(Type.CLIENT_IP, timeoutSeconds);
  }

  public boolean sticky() {
    return type == Type.CLIENT_IP;
  }
}
