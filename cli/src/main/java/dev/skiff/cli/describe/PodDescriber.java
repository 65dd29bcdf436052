package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** describe pod, in kubectl's layout (DescribePod). */
final class PodDescriber {
  private PodDescriber() {}

  static String describe(DescribeInput in) {
    DescribeText w = in.text();
    JsonNode meta = in.meta();
    JsonNode spec = in.spec();
    JsonNode status = in.status();
    w.line(0, "Name", meta.path("name").asText());
    w.line(0, "Namespace", meta.path("namespace").asText());
    if (spec.has("priority")) {
      w.line(0, "Priority", spec.path("priority").asLong());
    }
    if (!spec.path("serviceAccountName").asText("").isEmpty()) {
      w.line(0, "Service Account", spec.path("serviceAccountName").asText());
    }
    String node = spec.path("nodeName").asText("");
    w.line(
        0,
        "Node",
        node.isEmpty() ? DescribeText.NONE : node + "/" + status.path("hostIP").asText(""));
    if (status.hasNonNull("startTime")) {
      w.line(0, "Start Time", w.time(status.path("startTime").asText()));
    }
    w.labels(0, "Labels", meta.path("labels"));
    w.annotations(0, "Annotations", meta.path("annotations"));
    if (meta.hasNonNull("deletionTimestamp")) {
      w.line(
          0,
          "Status",
          "Terminating (lasts "
              + dev.skiff.server.table.Age.since(meta.path("deletionTimestamp").asText(), in.now())
              + ")");
      w.line(0, "Termination Grace Period", meta.path("deletionGracePeriodSeconds").asLong() + "s");
    } else {
      w.line(0, "Status", status.path("phase").asText(""));
    }
    if (!status.path("reason").asText("").isEmpty()) {
      w.line(0, "Reason", status.path("reason").asText());
    }
    if (!status.path("message").asText("").isEmpty()) {
      w.line(0, "Message", status.path("message").asText());
    }
    w.line(0, "IP", status.path("podIP").asText(""));
    if (status.path("podIPs").isEmpty()) {
      w.line(0, "IPs", DescribeText.NONE);
    } else {
      w.heading(0, "IPs");
      status.path("podIPs").forEach(ip -> w.line(1, "IP", ip.path("ip").asText()));
    }
    for (JsonNode owner : meta.path("ownerReferences")) {
      if (owner.path("controller").asBoolean(false)) {
        w.line(0, "Controlled By", owner.path("kind").asText() + "/" + owner.path("name").asText());
      }
    }
    if (!spec.path("initContainers").isEmpty()) {
      ContainersSection.write(
          w, "Init Containers", spec.path("initContainers"), status.path("initContainerStatuses"));
    }
    ContainersSection.write(
        w, "Containers", spec.path("containers"), status.path("containerStatuses"));
    if (!status.path("conditions").isEmpty()) {
      w.heading(0, "Conditions");
      w.raw(1, "Type\tStatus\n");
      status
          .path("conditions")
          .forEach(
              c -> w.raw(1, c.path("type").asText() + " \t" + c.path("status").asText() + " \n"));
    }
    volumes(w, 0, spec.path("volumes"));
    if (!status.path("qosClass").asText("").isEmpty()) {
      w.line(0, "QoS Class", status.path("qosClass").asText());
    }
    w.labels(0, "Node-Selectors", spec.path("nodeSelector"));
    w.line(0, "Tolerations", tolerations(spec.path("tolerations")));
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  static void volumes(DescribeText w, int level, JsonNode volumes) {
    if (volumes.isEmpty()) {
      w.line(level, "Volumes", DescribeText.NONE);
      return;
    }
    w.heading(level, "Volumes");
    for (JsonNode v : volumes) {
      w.heading(level + 1, v.path("name").asText());
      String type = "<unknown>";
      for (java.util.Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!field.equals("name")) {
          type = field;
        }
      }
      w.line(level + 2, "Type", type);
    }
  }

  static String tolerations(JsonNode list) {
    List<String> parts = new ArrayList<>();
    for (JsonNode t : list) {
      String s = t.path("key").asText("");
      if (!t.path("value").asText("").isEmpty()) {
        s += "=" + t.path("value").asText();
      }
      if (!t.path("effect").asText("").isEmpty()) {
        s += ":" + t.path("effect").asText();
      }
      if ("Exists".equals(t.path("operator").asText()) && t.path("value").asText("").isEmpty()) {
        s += s.isEmpty() ? "op=Exists" : " op=Exists";
      }
      if (t.has("tolerationSeconds")) {
        s += " for " + t.path("tolerationSeconds").asLong() + "s";
      }
      parts.add(s);
    }
    return parts.isEmpty() ? DescribeText.NONE : String.join("\n\t", parts);
  }
}
