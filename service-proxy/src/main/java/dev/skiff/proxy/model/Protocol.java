package dev.skiff.proxy.model;

/** The L4 protocols the userspace proxy forwards (SCTP is not supported). */
public enum Protocol {
  TCP,
  UDP;

  /** Parses a Kubernetes protocol name; null means the Kubernetes default, TCP. */
  public static Protocol parse(String value) {
    return value == null || value.isEmpty() ? TCP : valueOf(value);
  }
}
