package dev.skiff.api.status;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one error type of Skiff: an exception that carries a Kubernetes {@link Status}. Servers
 * render it in one place; clients rebuild it from error responses. Callers test {@link #reason()}
 * or {@link #code()}, never the message text.
 */
public class StatusException extends RuntimeException {
  private final transient Status status;

  public StatusException(Status status) {
    super(status.message, null, false, false);
    this.status = status;
  }

  public Status status() {
    return status;
  }

  public int code() {
    return status.code == null ? 500 : status.code;
  }

  public String reason() {
    return status.reason;
  }

  public boolean is(String reason) {
    return reason.equals(status.reason);
  }

  /**
   * Resource is the plural name, qualified with the group when there is one: "deployments.apps".
   */
  public static StatusException notFound(String group, String resource, String name) {
    return new StatusException(
        Status.failure(
            404,
            Reason.NOT_FOUND,
            qualified(group, resource) + " \"" + name + "\" not found",
            StatusDetails.of(group, resource, name)));
  }

  public static StatusException notFound(String message) {
    return new StatusException(Status.failure(404, Reason.NOT_FOUND, message, null));
  }

  public static StatusException alreadyExists(String group, String resource, String name) {
    return new StatusException(
        Status.failure(
            409,
            Reason.ALREADY_EXISTS,
            qualified(group, resource) + " \"" + name + "\" already exists",
            StatusDetails.of(group, resource, name)));
  }

  public static StatusException conflict(String group, String resource, String name) {
    return conflict(
        group,
        resource,
        name,
        "the object has been modified; please apply your changes to the latest version and try"
            + " again");
  }

  public static StatusException conflict(
      String group, String resource, String name, String detail) {
    return new StatusException(
        Status.failure(
            409,
            Reason.CONFLICT,
            "Operation cannot be fulfilled on "
                + qualified(group, resource)
                + " \""
                + name
                + "\": "
                + detail,
            StatusDetails.of(group, resource, name)));
  }

  /**
   * 422 Invalid, one cause per field. The message follows the real server: {@code Kind "name" is
   * invalid: [field: message, ...]}.
   */
  public static StatusException invalid(
      String group, String kind, String resource, String name, List<StatusCause> causes) {
    String joined =
        causes.size() == 1
            ? causes.get(0).toString()
            : causes.stream()
                .map(StatusCause::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    String subject = group == null || group.isEmpty() ? kind : kind + "." + group;
    return new StatusException(
        Status.failure(
            422,
            Reason.INVALID,
            subject + " \"" + (name == null ? "" : name) + "\" is invalid: " + joined,
            StatusDetails.of(group, resource, name == null ? "" : name).withCauses(causes)));
  }

  public static StatusException badRequest(String message) {
    return new StatusException(Status.failure(400, Reason.BAD_REQUEST, message, null));
  }

  public static StatusException expired(String message) {
    return new StatusException(Status.failure(410, Reason.EXPIRED, message, null));
  }

  public static StatusException unsupportedMediaType(String message) {
    return new StatusException(Status.failure(415, Reason.UNSUPPORTED_MEDIA_TYPE, message, null));
  }

  public static StatusException methodNotAllowed(String message) {
    return new StatusException(Status.failure(405, Reason.METHOD_NOT_ALLOWED, message, null));
  }

  public static StatusException unauthorized() {
    return new StatusException(Status.failure(401, Reason.UNAUTHORIZED, "Unauthorized", null));
  }

  public static StatusException tooLarge(String message) {
    return new StatusException(Status.failure(413, Reason.REQUEST_ENTITY_TOO_LARGE, message, null));
  }

  public static StatusException internal(String message) {
    return new StatusException(Status.failure(500, Reason.INTERNAL_ERROR, message, null));
  }

  public static StatusException unavailable(String message) {
    return new StatusException(Status.failure(503, Reason.SERVICE_UNAVAILABLE, message, null));
  }

  private static String qualified(String group, String resource) {
    return group == null || group.isEmpty() ? resource : resource + "." + group;
  }
}
