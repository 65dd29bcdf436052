package dev.skiff.agent.stream;

import dev.skiff.api.Json;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusDetails;
import java.util.List;

/**
 * What the error channel carries when an exec ends, as the kubelet writes it: Success, or Failure
 * with reason NonZeroExitCode and the code as the cause ExitCode (kubectl exits with it), or an
 * InternalError when the command could not run at all.
 */
final class ExecStatus {
  private ExecStatus() {}

  static String exited(int code) {
    if (code == 0) {
      Status s = new Status();
      s.status = "Success";
      return json(s);
    }
    StatusDetails details =
        new StatusDetails().withCauses(List.of(new StatusCause("ExitCode", "" + code, null)));
    Status s = new Status();
    s.status = "Failure";
    s.reason = "NonZeroExitCode";
    s.message = "command terminated with non-zero exit code: exit status " + code;
    s.details = details;
    return json(s);
  }

  static String failed(String message) {
    return json(Status.failure(500, "InternalError", message, null));
  }

  /** Without kind and apiVersion, like the kubelet's. */
  private static String json(Status s) {
    s.kind = null;
    s.apiVersion = null;
    return Json.toString(s);
  }
}
