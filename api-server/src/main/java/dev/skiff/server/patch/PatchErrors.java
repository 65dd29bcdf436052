package dev.skiff.server.patch;

import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusDetails;
import dev.skiff.api.status.StatusException;
import java.util.List;

/** The errors patching can raise, shaped as the real apiserver's. */
final class PatchErrors {
  /** The fixed message of kube-apiserver's 422 for a JSON patch that does not apply. */
  static final String REJECTED = "the server rejected our request due to an error in our request";

  private PatchErrors() {}

  /** 400 BadRequest: the body cannot be decoded or is not a well-formed patch. */
  static StatusException badRequest(String message) {
    return StatusException.badRequest(message);
  }

  /**
   * 422 Invalid for a JSON patch operation that does not apply (missing path, failed test). The
   * message is the real server's fixed text; the cause carries the operation's path and what went
   * wrong, which kubectl prints as {@code The request is invalid: <path>: <detail>}.
   */
  static StatusException notApplicable(String path, String detail) {
    StatusDetails details =
        new StatusDetails()
            .withCauses(List.of(new StatusCause(Reason.FIELD_VALUE_INVALID, detail, path)));
    return new StatusException(Status.failure(422, Reason.INVALID, REJECTED, details));
  }

  /** 422 Invalid: the patch applied, but what it produced is not a JSON object. */
  static StatusException notAnObject() {
    return notApplicable("patch", "the patched document is not a JSON object");
  }
}
