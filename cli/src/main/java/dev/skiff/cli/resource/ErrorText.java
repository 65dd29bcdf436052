package dev.skiff.cli.resource;

import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusException;
import java.util.List;

/** How kubectl prints a Status error (cmdutil.CheckErr / StandardErrorMessage). */
public final class ErrorText {
  private ErrorText() {}

  /** The text for {@code e}; a line break ends it. */
  public static String of(StatusException e) {
    return of(e, null);
  }

  /**
   * @param action e.g. {@code creating "web.yaml"}: the message becomes {@code error when creating
   *     "web.yaml": ...} as kubectl's AddSourceToErr does; null for none
   */
  public static String of(StatusException e, String action) {
    Status s = e.status();
    String message = s.message == null ? "" : s.message;
    if (action != null) {
      message = "error when " + action + ": " + message;
    }
    if (Reason.INVALID.equals(s.reason) || e.code() == 422) {
      return invalid(s, message);
    }
    if (Reason.UNAUTHORIZED.equals(s.reason)) {
      return "error: You must be logged in to the server (" + message + ")\n";
    }
    if (s.reason != null && !s.reason.isEmpty()) {
      return "Error from server (" + s.reason + "): " + message + "\n";
    }
    return "Error from server: " + message + "\n";
  }

  private static String invalid(Status s, String message) {
    if (s.details == null) {
      return "The request is invalid" + (message.isEmpty() ? "" : ": " + message) + "\n";
    }
    String kind = s.details.kind == null ? "" : s.details.kind;
    String name = s.details.name == null ? "" : s.details.name;
    String prefix =
        kind.isEmpty() && name.isEmpty()
            ? "The request is invalid"
            : "The " + kind + " \"" + name + "\" is invalid";
    List<StatusCause> causes = s.details.causes == null ? List.of() : s.details.causes;
    if (causes.isEmpty()) {
      return prefix + "\n";
    }
    if (causes.size() == 1) {
      return prefix + ": " + cause(causes.get(0)) + "\n";
    }
    StringBuilder text = new StringBuilder(prefix).append(": \n");
    causes.forEach(c -> text.append("* ").append(cause(c)).append('\n'));
    return text.toString();
  }

  private static String cause(StatusCause c) {
    return (c.field == null ? "" : c.field) + ": " + (c.message == null ? "" : c.message);
  }
}
