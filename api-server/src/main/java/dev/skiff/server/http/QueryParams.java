package dev.skiff.server.http;

import dev.skiff.api.status.StatusException;
import io.vertx.ext.web.RoutingContext;

/** Typed access to query parameters; malformed values are 400 BadRequest. */
public final class QueryParams {
  private final RoutingContext ctx;

  public QueryParams(RoutingContext ctx) {
    this.ctx = ctx;
  }

  public String get(String name) {
    return ctx.request().getParam(name);
  }

  public String getOr(String name, String fallback) {
    String value = get(name);
    return value == null ? fallback : value;
  }

  /** "true" and "1" are true, as for Go's strconv.ParseBool; absent is false. */
  public boolean flag(String name) {
    String value = get(name);
    if (value == null || value.isEmpty()) {
      return false;
    }
    return switch (value) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> throw StatusException.badRequest("invalid boolean for " + name + ": " + value);
    };
  }

  /** A non-negative integer parameter, or null when absent or empty. */
  public Long number(String name) {
    String value = get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw StatusException.badRequest("invalid value for " + name + ": " + value);
    }
  }

  /** dryRun=All; any other value is rejected like the real server does. */
  public boolean dryRun() {
    String value = get("dryRun");
    if (value == null || value.isEmpty()) {
      return false;
    }
    if (!value.equals("All")) {
      throw StatusException.badRequest("Invalid dry run value: " + value + ", expected \"All\"");
    }
    return true;
  }

  /** The resourceVersion parameter as a number; 0 when absent or "0". */
  public long resourceVersion() {
    String value = get("resourceVersion");
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw StatusException.badRequest("invalid resource version: " + value);
    }
  }
}
