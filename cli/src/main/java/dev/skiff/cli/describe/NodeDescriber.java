package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** describe node: lease, conditions, addresses, capacity, system info and the pods on it. */
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
    w.line(0, "Taints", taints(in.spec().path("taints")));
    w.line(0, "Unschedulable", in.spec().path("unschedulable").asBoolean(false));
    lease(w, in, meta.path("name").asText());
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
    systemInfo(w, status.path("nodeInfo"));
    String podCidr = in.spec().path("podCIDR").asText("");
    if (!podCidr.isEmpty()) {
      w.line(0, "PodCIDR", podCidr);
      List<String> cidrs = new ArrayList<>();
      in.spec().path("podCIDRs").forEach(c -> cidrs.add(c.asText()));
      w.line(0, "PodCIDRs", String.join(",", cidrs));
    }
    List<JsonNode> pods = new ArrayList<>();
    for (JsonNode pod : related(in, "Pod")) {
      String phase = pod.path("status").path("phase").asText("");
      if (!phase.equals("Succeeded") && !phase.equals("Failed")) {
        pods.add(pod);
      }
    }
    NodeResources.write(w, status.path("allocatable"), pods, in.now());
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  private static void lease(DescribeText w, DescribeInput in, String node) {
    JsonNode lease = related(in, "Lease").stream().findFirst().orElse(null);
    if (lease == null) {
      w.line(0, "Lease", "Failed to get lease: leases \"" + node + "\" not found");
      return;
    }
    JsonNode spec = lease.path("spec");
    w.heading(0, "Lease");
    w.line(1, "HolderIdentity", spec.path("holderIdentity").asText("<unset>"));
    w.line(1, "AcquireTime", time(w, spec.path("acquireTime")));
    w.line(1, "RenewTime", time(w, spec.path("renewTime")));
  }

  private static String time(DescribeText w, JsonNode value) {
    return value.isTextual() ? w.time(value.asText()) : "<unset>";
  }

  private static void systemInfo(DescribeText w, JsonNode info) {
    w.heading(0, "System Info");
    w.line(1, "Machine ID", info.path("machineID").asText(""));
    w.line(1, "System UUID", info.path("systemUUID").asText(""));
    w.line(1, "Boot ID", info.path("bootID").asText(""));
    w.line(1, "Kernel Version", info.path("kernelVersion").asText(""));
    w.line(1, "OS Image", info.path("osImage").asText(""));
    w.line(1, "Operating System", info.path("operatingSystem").asText(""));
    w.line(1, "Architecture", info.path("architecture").asText(""));
    w.line(1, "Container Runtime Version", info.path("containerRuntimeVersion").asText(""));
    w.line(1, "Kubelet Version", info.path("kubeletVersion").asText(""));
    if (!info.path("kubeProxyVersion").asText("").isEmpty()) {
      w.line(1, "Kube-Proxy Version", info.path("kubeProxyVersion").asText());
    }
  }

  private static List<JsonNode> related(DescribeInput in, String kind) {
    return in.related().stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  private static String roles(JsonNode labels) {
    List<String> roles = new ArrayList<>();
    labels
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (k.startsWith("node-role.kubernetes.io/")) {
                roles.add(k.substring("node-role.kubernetes.io/".length()));
              }
            });
    return roles.isEmpty() ? DescribeText.NONE : String.join(",", roles);
  }

  private static String taints(JsonNode taints) {
    List<String> list = new ArrayList<>();
    for (JsonNode t : taints) {
      String value = t.path("value").asText("");
      list.add(
          t.path("key").asText()
              + (value.isEmpty() ? "" : "=" + value)
              + ":"
              + t.path("effect").asText());
    }
    return list.isEmpty() ? DescribeText.NONE : String.join("\n\t", list);
  }

  private static void resources(DescribeText w, String label, JsonNode map) {
    w.heading(0, label);
    Map<String, String> sorted = new TreeMap<>();
    map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
    sorted.forEach((k, v) -> w.raw(1, k + ":\t" + Quantities.canonical(v) + "\n"));
  }
}
