package dev.skiff.api.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;

/**
 * Turns an error response into the one error type, {@link StatusException}: the server's Status
 * when the body is one, otherwise a Status synthesized from the HTTP code (as client-go's
 * NewGenericServerResponse does), so callers can always test reason() and code().
 */
public final class StatusErrors {
  private static final int MAX_MESSAGE = 512;

  private StatusErrors() {}

  public static StatusException fromResponse(HttpMethod method, int code, Buffer body) {
    Status status = parseStatus(body == null ? null : body.getBytes());
    if (status == null) {
      return new StatusException(
          Status.failure(code, reasonFor(method, code), genericMessage(code, body), null));
    }
    if (status.code == null || status.code == 0) {
      status.code = code;
    }
    if (status.reason == null || status.reason.isEmpty()) {
      status.reason = reasonFor(method, status.code);
    }
    if (status.status == null) {
      status.status = "Failure";
    }
    if (status.message == null || status.message.isBlank()) {
      status.message = genericMessage(status.code, null);
    }
    return new StatusException(status);
  }

  /** The Status carried by a watch ERROR event (or a synthesized 500 if it is not one). */
  public static StatusException fromWatchError(JsonNode object) {
    Status status = object == null ? null : asStatus(object);
    if (status == null) {
      return new StatusException(
          Status.failure(500, Reason.INTERNAL_ERROR, "watch ERROR event without a Status", null));
    }
    if (status.code == null || status.code == 0) {
      status.code = 500;
    }
    if (status.reason == null || status.reason.isEmpty()) {
      status.reason = reasonFor(HttpMethod.GET, status.code);
    }
    if (status.message == null || status.message.isBlank()) {
      status.message = genericMessage(status.code, null);
    }
    return new StatusException(status);
  }

  /** An answer the client could not decode: reported as 500 InternalError. */
  public static StatusException undecodable(String what, Throwable cause) {
    String detail = cause == null ? "" : ": " + cause.getMessage();
    return new StatusException(
        Status.failure(500, Reason.INTERNAL_ERROR, "unable to decode " + what + detail, null));
  }

  private static Status parseStatus(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try {
      return asStatus(Json.mapper().readTree(bytes));
    } catch (Exception notJson) {
      return null;
    }
  }

  private static Status asStatus(JsonNode node) {
    if (node == null || !node.isObject() || !"Status".equals(node.path("kind").asText())) {
      return null;
    }
    try {
      return Json.convert(node, Status.class);
    } catch (RuntimeException malformed) {
      return null;
    }
  }

  /** The reason client-go assigns to a bare HTTP code. */
  static String reasonFor(HttpMethod method, int code) {
    return switch (code) {
      case 400 -> Reason.BAD_REQUEST;
      case 401 -> Reason.UNAUTHORIZED;
      case 403 -> Reason.FORBIDDEN;
      case 404 -> Reason.NOT_FOUND;
      case 405 -> Reason.METHOD_NOT_ALLOWED;
      case 406 -> Reason.NOT_ACCEPTABLE;
      case 409 -> HttpMethod.POST.equals(method) ? Reason.ALREADY_EXISTS : Reason.CONFLICT;
      case 410 -> Reason.GONE;
      case 413 -> Reason.REQUEST_ENTITY_TOO_LARGE;
      case 415 -> Reason.UNSUPPORTED_MEDIA_TYPE;
      case 422 -> Reason.INVALID;
      case 429 -> Reason.TOO_MANY_REQUESTS;
      case 503 -> Reason.SERVICE_UNAVAILABLE;
      case 504 -> Reason.TIMEOUT;
      default -> code >= 500 ? Reason.INTERNAL_ERROR : "Unknown";
    };
  }

  private static String genericMessage(int code, Buffer body) {
    String text = body == null ? "" : body.toString(StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return "the server responded with the status code "
          + code
          + " but did not return more information";
    }
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
  }
}
