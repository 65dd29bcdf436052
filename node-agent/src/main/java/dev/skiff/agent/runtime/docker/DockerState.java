package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.runtime.ContainerInfo;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Reads {@code GET /containers/{id}/json} answers. Pure. */
final class DockerState {
  private DockerState() {}

  static ContainerInfo info(JsonObject inspect) {
    JsonObject labels =
        inspect.getJsonObject("Config", new JsonObject()).getJsonObject("Labels", new JsonObject());
    JsonObject state = inspect.getJsonObject("State", new JsonObject());
    String status = state.getString("Status", "");
    ContainerInfo.State s =
        switch (status) {
          case "running", "paused", "restarting" -> ContainerInfo.State.RUNNING;
          case "created" -> ContainerInfo.State.CREATED;
          default -> ContainerInfo.State.EXITED;
        };
    Integer exitCode = s == ContainerInfo.State.EXITED ? state.getInteger("ExitCode", 0) : null;
    String reason = null;
    if (exitCode != null) {
      reason =
          state.getBoolean("OOMKilled", false) ? "OOMKilled" : ContainerInfo.exitReason(exitCode);
    }
    String error = state.getString("Error", "");
    return new ContainerInfo(
        inspect.getString("Id"),
        labels.getString(Labels.POD_UID),
        labels.getString(Labels.CONTAINER),
        Integer.parseInt(labels.getString(Labels.ATTEMPT, "0")),
        inspect.getJsonObject("Config", new JsonObject()).getString("Image"),
        labels.getString(Labels.IMAGE_REF, "docker://" + inspect.getString("Image", "")),
        s,
        time(state.getString("StartedAt")),
        s == ContainerInfo.State.EXITED ? time(state.getString("FinishedAt")) : null,
        exitCode,
        reason,
        error.isEmpty() ? null : error);
  }

  static boolean isSandbox(JsonObject inspect) {
    return "true"
        .equals(
            inspect
                .getJsonObject("Config", new JsonObject())
                .getJsonObject("Labels", new JsonObject())
                .getString(Labels.SANDBOX));
  }

  static String podUid(JsonObject inspect) {
    return inspect
        .getJsonObject("Config", new JsonObject())
        .getJsonObject("Labels", new JsonObject())
        .getString(Labels.POD_UID);
  }

  static String ip(JsonObject inspect, String network) {
    JsonObject net =
        inspect
            .getJsonObject("NetworkSettings", new JsonObject())
            .getJsonObject("Networks", new JsonObject())
            .getJsonObject(network);
    return net == null ? null : net.getString("IPAddress");
  }

  private static Instant time(String text) {
    if (text == null || text.startsWith("0001-")) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
