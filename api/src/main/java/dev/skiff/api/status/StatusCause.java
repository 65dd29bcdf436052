package dev.skiff.api.status;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * metav1.StatusCause: one problem with one field. {@code reason} is a machine word such as
 * FieldValueRequired or FieldValueInvalid.
 */
@JsonPropertyOrder({"reason", "message", "field"})
public class StatusCause {
  public String reason;
  public String message;
  public String field;

  public StatusCause() {}

  public StatusCause(String reason, String message, String field) {
    this.reason = reason;
    this.message = message;
    this.field = field;
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
