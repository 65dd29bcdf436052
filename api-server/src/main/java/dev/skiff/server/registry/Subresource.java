package dev.skiff.server.registry;

/** Which part of an object a PUT or PATCH writes. */
public enum Subresource {
  /** The main resource: everything except status for kinds with a status subresource. */
  MAIN,
  /** {@code /status}: only status. */
  STATUS
}
