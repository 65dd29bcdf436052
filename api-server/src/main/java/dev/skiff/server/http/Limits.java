package dev.skiff.server.http;

/** Request limits. */
public final class Limits {
  /** Largest accepted request body: twice etcd's 1.5 MiB request limit. */
  public static final long BODY_BYTES = 3L * 1024 * 1024;

  private Limits() {}
}
