package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.server.table.Age;
import java.util.Map;
import java.util.TreeMap;

/** describe node: conditions, addresses, capacity, system info and the pods on it. */
final class NodeDescriber {
  private NodeDescriber() {}

  static String describe(DescribeInput in) {
    DescribeText w = in.text();
    JsonNode meta = in.meta();
    JsonNode status = in.status();
    w.line(0, "Name", meta.path("name").asText());
    w.line(0, "Roles", roles(meta.path("labels")));
    w.labels(0, "Labels", meta.path("labels"));
    w.annotations(0, "Annotations", meta.path("annotations"));
    w.line(0, "CreationTimestamp", w.time(meta.path("creationTimestamp").asText(null)));
    w.line(0, "Unschedulable", in.spec().path("unschedulable").asBoolean(false));
    w.heading(0, "Conditions");
    w.raw(1, "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.raw(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (JsonNode c : status.path("conditions")) {
      w.raw(
          1,
          String.join(
                  " \t",
                  c.path("type").asText(),
                  c.path("status").asText(),
                  w.time(c.path("lastHeartbeatTime").asText(null)),
                  w.time(c.path("lastTransitionTime").asText(null)),
                  c.path("reason").asText(""),
                  c.path("message").asText(""))
              + "\n");
    }
    w.heading(0, "Addresses");
    status
        .path("addresses")
        .forEach(a -> w.line(1, a.path("type").asText(), a.path("address").asText()));
    resources(w, "Capacity", status.path("capacity"));
    resources(w, "Allocatable", status.path("allocatable"));
    JsonNode info = status.path("nodeInfo");
    w.heading(0, "System Info");
    w.line(1, "Kernel Version", info.path("kernelVersion").asText(""));
    w.line(1, "OS Image", info.path("osImage").asText(""));
    w.line(1, "Operating System", info.path("operatingSystem").asText(""));
    w.line(1, "Architecture", info.path("architecture").asText(""));
    w.line(1, "Container Runtime Version", info.path("containerRuntimeVersion").asText(""));
    w.line(1, "Kubelet Version", info.path("kubeletVersion").asText(""));
    w.line(0, "PodCIDR", in.spec().path("podCIDR").asText(""));
    w.raw(0, "Non-terminated Pods:\t(" + in.related().size() + " in total)\n");
    w.raw(1, "Namespace\tName\tAge\n");
    w.raw(1, "---------\t----\t---\n");
    for (JsonNode pod : in.related()) {
      JsonNode m = pod.path("metadata");
      w.raw(
          1,
          m.path("namespace").asText()
              + "\t"
              + m.path("name").asText()
              + "\t"
              + Age.since(m.path("creationTimestamp").asText(null), in.now())
              + "\n");
    }
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  private static String roles(JsonNode labels) {
    StringBuilder roles = new StringBuilder();
    labels
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (k.startsWith("node-role.kubernetes.io/")) {
                roles.append(roles.length() == 0 ? "" : ",").append(k.substring(24));
              }
            });
    return roles.length() == 0 ? DescribeText.NONE : roles.toString();
  }

  private static void resources(DescribeText w, String label, JsonNode map) {
    w.heading(0, label);
    Map<String, String> sorted = new TreeMap<>();
    map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
    sorted.forEach((k, v) -> w.raw(1, k + ":\t" + v + "\n"));
  }
}
