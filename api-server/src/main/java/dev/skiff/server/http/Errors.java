package dev.skiff.server.http;

import dev.skiff.api.status.StatusException;

/** The generic HTTP-level errors of the API, worded as the real server words them. */
public final class Errors {
  private Errors() {}

  public static StatusException pathNotFound() {
    return StatusException.notFound("the server could not find the requested resource");
  }

  public static StatusException methodNotAllowed() {
    return StatusException.methodNotAllowed(
        "the server does not allow this method on the requested resource");
  }
}
