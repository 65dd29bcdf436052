package dev.skiff.api.status;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skiff.api.model.meta.ListMeta;

/** metav1.Status: the body of every error response, and of some successful deletes. */
@JsonPropertyOrder({
  "kind",
  "apiVersion",
  "metadata",
  "status",
  "message",
  "reason",
  "details",
  "code"
})
public class Status {
  public String kind = "Status";
  public String apiVersion = "v1";
  public ListMeta metadata = new ListMeta();

  /** "Success" or "Failure". */
  public String status;

  public String message;
  public String reason;
  public StatusDetails details;
  public Integer code;

  public static Status success() {
    Status s = new Status();
    s.status = "Success";
    return s;
  }

  public static Status failure(int code, String reason, String message, StatusDetails details) {
    Status s = new Status();
    s.status = "Failure";
    s.code = code;
    s.reason = reason;
    s.message = message;
    s.details = details;
    return s;
  }
}
