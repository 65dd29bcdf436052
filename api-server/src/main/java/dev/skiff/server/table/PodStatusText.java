package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.model.meta.Times;
import java.time.Instant;

/**
 * The READY, STATUS and RESTARTS cells of a pod, computed as kubectl's printPod does
 * (kubernetes/pkg/printers/internalversion/printers.go).
 */
record PodStatusText(String ready, String reason, String restarts) {

  static PodStatusText of(JsonNode pod, Instant now) {
    JsonNode spec = pod.path("spec");
    JsonNode status = pod.path("status");
    int total = spec.path("containers").size();
    int readyCount = 0;
    long restarts = 0;
    Instant lastRestart = null;
    String reason = status.path("phase").asText("");
    if (!status.path("reason").asText("").isEmpty()) {
      reason = status.path("reason").asText();
    }
    for (JsonNode c : status.path("conditions")) {
      if (c.path("type").asText().equals("PodScheduled")
          && c.path("reason").asText().equals("SchedulingGated")) {
        reason = "SchedulingGated";
      }
    }
    boolean initializing = false;
    JsonNode inits = status.path("initContainerStatuses");
    int initCount = spec.path("initContainers").size();
    for (int i = 0; i < inits.size(); i++) {
      JsonNode c = inits.get(i);
      restarts += c.path("restartCount").asLong(0);
      lastRestart = later(lastRestart, c.path("lastState").path("terminated").path("finishedAt"));
      JsonNode terminated = c.path("state").path("terminated");
      JsonNode waiting = c.path("state").path("waiting");
      if (!terminated.isMissingNode() && terminated.path("exitCode").asInt(0) == 0) {
        continue;
      }
      if (isRestartable(spec, c.path("name").asText()) && c.path("started").asBoolean(false)) {
        continue;
      }
      if (!terminated.isMissingNode()) {
        String r = terminated.path("reason").asText("");
        if (r.isEmpty()) {
          int signal = terminated.path("signal").asInt(0);
          r = signal != 0 ? "Signal:" + signal : "ExitCode:" + terminated.path("exitCode").asInt();
        }
        reason = "Init:" + r;
      } else if (!waiting.path("reason").asText("").isEmpty()
          && !waiting.path("reason").asText().equals("PodInitializing")) {
        reason = "Init:" + waiting.path("reason").asText();
      } else {
        reason = "Init:" + i + "/" + initCount;
      }
      initializing = true;
      break;
    }
    if (!initializing || conditionTrue(status, "Initialized")) {
      restarts = 0;
      boolean hasRunning = false;
      JsonNode statuses = status.path("containerStatuses");
      for (int i = statuses.size() - 1; i >= 0; i--) {
        JsonNode c = statuses.get(i);
        restarts += c.path("restartCount").asLong(0);
        lastRestart = later(lastRestart, c.path("lastState").path("terminated").path("finishedAt"));
        JsonNode state = c.path("state");
        String waitingReason = state.path("waiting").path("reason").asText("");
        JsonNode terminated = state.path("terminated");
        if (!waitingReason.isEmpty()) {
          reason = waitingReason;
        } else if (!terminated.isMissingNode() && !terminated.path("reason").asText("").isEmpty()) {
          reason = terminated.path("reason").asText();
        } else if (!terminated.isMissingNode()) {
          int signal = terminated.path("signal").asInt(0);
          reason =
              signal != 0 ? "Signal:" + signal : "ExitCode:" + terminated.path("exitCode").asInt();
        } else if (c.path("ready").asBoolean(false) && state.has("running")) {
          hasRunning = true;
          readyCount++;
        }
      }
      if (reason.equals("Completed") && hasRunning) {
        reason = conditionTrue(status, "Ready") ? "Running" : "NotReady";
      }
    }
    boolean deleting = !pod.path("metadata").path("deletionTimestamp").asText("").isEmpty();
    String phase = status.path("phase").asText("");
    if (deleting && status.path("reason").asText("").equals("NodeLost")) {
      reason = "Unknown";
    } else if (deleting && !phase.equals("Succeeded") && !phase.equals("Failed")) {
      reason = "Terminating";
    }
    String restartText = Long.toString(restarts);
    if (restarts != 0 && lastRestart != null) {
      restartText =
          restarts + " (" + Age.human(java.time.Duration.between(lastRestart, now)) + " ago)";
    }
    return new PodStatusText(readyCount + "/" + total, reason, restartText);
  }

  private static boolean isRestartable(JsonNode spec, String name) {
    for (JsonNode c : spec.path("initContainers")) {
      if (c.path("name").asText().equals(name)) {
        return c.path("restartPolicy").asText("").equals("Always");
      }
    }
    return false;
  }

  private static boolean conditionTrue(JsonNode status, String type) {
    for (JsonNode c : status.path("conditions")) {
      if (c.path("type").asText().equals(type)) {
        return c.path("status").asText().equals("True");
      }
    }
    return false;
  }

  private static Instant later(Instant current, JsonNode timestamp) {
    Instant t = Times.parse(timestamp.asText(null));
    if (t == null) {
      return current;
    }
    return current == null || t.isAfter(current) ? t : current;
  }
}
