package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * describeContainers: image, ports, command, state, readiness, probes and env of each container.
 */
final class ContainersSection {
  private ContainersSection() {}

  /** The containers of a pod: label at level 0, names at level 1. */
  static void write(DescribeText w, String label, JsonNode containers, JsonNode statuses) {
    w.heading(0, label);
    containers(w, containers, statuses, "  ");
  }

  /** The containers of a pod template (no statuses): label at level 1, names indented by 3. */
  static void template(DescribeText w, String label, JsonNode containers) {
    w.heading(1, label);
    containers(w, containers, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), "   ");
  }

  private static void containers(
      DescribeText w, JsonNode containers, JsonNode statuses, String nameIndent) {
    for (JsonNode c : containers) {
      JsonNode status = statusOf(c.path("name").asText(), statuses);
      w.raw(0, nameIndent + c.path("name").asText() + ":\n");
      if (status != null) {
        w.line(2, "Container ID", status.path("containerID").asText(""));
      }
      w.line(2, "Image", c.path("image").asText(""));
      if (status != null) {
        w.line(2, "Image ID", status.path("imageID").asText(""));
      }
      ports(w, c.path("ports"));
      list(w, "Command", c.path("command"));
      list(w, "Args", c.path("args"));
      if (status != null) {
        state(w, "State", status.path("state"));
        if (status.path("lastState").path("terminated").isObject()) {
          state(w, "Last State", status.path("lastState"));
        }
        w.line(2, "Ready", status.path("ready").asBoolean(false) ? "True" : "False");
        w.line(2, "Restart Count", status.path("restartCount").asInt(0));
      }
      for (String probe : List.of("liveness", "readiness", "startup")) {
        JsonNode p = c.path(probe + "Probe");
        if (p.isObject()) {
          w.line(
              2, Character.toUpperCase(probe.charAt(0)) + probe.substring(1), Probes.describe(p));
        }
      }
      env(w, c.path("env"));
      mounts(w, c.path("volumeMounts"));
    }
  }

  private static void mounts(DescribeText w, JsonNode mounts) {
    if (mounts.isEmpty()) {
      w.line(2, "Mounts", DescribeText.NONE);
      return;
    }
    w.heading(2, "Mounts");
    for (JsonNode m : mounts) {
      String mode = m.path("readOnly").asBoolean(false) ? "ro" : "rw";
      w.raw(
          3,
          m.path("mountPath").asText() + " from " + m.path("name").asText() + " (" + mode + ")\n");
    }
  }

  private static JsonNode statusOf(String name, JsonNode statuses) {
    for (JsonNode s : statuses) {
      if (name.equals(s.path("name").asText())) {
        return s;
      }
    }
    return null;
  }

  private static void ports(DescribeText w, JsonNode ports) {
    List<String> container = new ArrayList<>();
    List<String> host = new ArrayList<>();
    for (JsonNode p : ports) {
      String protocol = p.path("protocol").asText("TCP");
      container.add(p.path("containerPort").asInt() + "/" + protocol);
      host.add(p.path("hostPort").asInt(0) + "/" + protocol);
    }
    String c = String.join(", ", container);
    String h = String.join(", ", host);
    w.line(2, container.size() > 1 ? "Ports" : "Port", c.isEmpty() ? DescribeText.NONE : c);
    w.line(2, host.size() > 1 ? "Host Ports" : "Host Port", h.isEmpty() ? DescribeText.NONE : h);
  }

  private static void list(DescribeText w, String label, JsonNode values) {
    if (values.isEmpty()) {
      return;
    }
    w.heading(2, label);
    values.forEach(v -> w.raw(3, v.asText() + "\n"));
  }

  private static void state(DescribeText w, String label, JsonNode state) {
    if (state.path("running").isObject()) {
      w.line(2, label, "Running");
      w.line(3, "Started", w.time(state.path("running").path("startedAt").asText(null)));
    } else if (state.path("terminated").isObject()) {
      JsonNode t = state.path("terminated");
      w.line(2, label, "Terminated");
      if (!t.path("reason").asText("").isEmpty()) {
        w.line(3, "Reason", t.path("reason").asText());
      }
      if (!t.path("message").asText("").isEmpty()) {
        w.line(3, "Message", t.path("message").asText());
      }
      w.line(3, "Exit Code", t.path("exitCode").asInt());
      w.line(3, "Started", w.time(t.path("startedAt").asText(null)));
      w.line(3, "Finished", w.time(t.path("finishedAt").asText(null)));
    } else {
      w.line(2, label, "Waiting");
      String reason = state.path("waiting").path("reason").asText("");
      if (!reason.isEmpty()) {
        w.line(3, "Reason", reason);
      }
    }
  }

  private static void env(DescribeText w, JsonNode env) {
    if (env.isEmpty()) {
      w.line(2, "Environment", DescribeText.NONE);
      return;
    }
    w.heading(2, "Environment");
    for (JsonNode e : env) {
      String value = e.path("value").asText("");
      JsonNode field = e.path("valueFrom").path("fieldRef");
      if (field.isObject()) {
        value =
            " ("
                + field.path("apiVersion").asText("v1")
                + ":"
                + field.path("fieldPath").asText()
                + ")";
      }
      w.line(3, e.path("name").asText(), value);
    }
  }
}
