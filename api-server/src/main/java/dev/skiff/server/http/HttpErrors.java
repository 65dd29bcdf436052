package dev.skiff.server.http;

import dev.skiff.api.status.StatusException;

/** The generic HTTP-level errors of the API, worded as the real server words them. */
public final class HttpErrors {
  private HttpErrors() {}

  public static StatusException pathNotFound() {
    return StatusException.notFound("the server could not find the requested resource");
  }

  public static StatusException methodNotAllowed() {
    return StatusException.methodNotAllowed(
        "the server does not allow this method on the requested resource");
  }

  /**
   * A pod subresource Skiff does not serve (exec, attach, portforward, proxy): NotFound as for any
   * unknown path, with a message that says so and what to use instead.
   */
  public static StatusException podSubresourceUnsupported(String subresource) {
    return StatusException.notFound(
        "pods/"
            + subresource
            + " is not supported by Skiff: a pod's containers are processes of its node (process"
            + " runtime) or Docker containers (docker runtime: use docker "
            + ("portforward".equals(subresource) || "proxy".equals(subresource)
                ? "port mappings or the pod's IP"
                : "exec")
            + "); kubectl logs works");
  }
}
