package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.cli.output.TableText;
import java.util.ArrayList;
import java.util.List;

/** describe service (DescribeService); Endpoints come from the Service's EndpointSlices. */
final class ServiceDescriber {
  private static final int MAX_ENDPOINTS = 3;

  private ServiceDescriber() {}

  static String describe(DescribeInput in) {
    DescribeText w = in.text();
    JsonNode spec = in.spec();
    w.line(0, "Name", in.meta().path("name").asText());
    w.line(0, "Namespace", in.meta().path("namespace").asText());
    w.labels(0, "Labels", in.meta().path("labels"));
    w.annotations(0, "Annotations", in.meta().path("annotations"));
    w.line(0, "Selector", TableText.labels(spec.path("selector")));
    w.line(0, "Type", spec.path("type").asText("ClusterIP"));
    if (spec.hasNonNull("ipFamilyPolicy")) {
      w.line(0, "IP Family Policy", spec.path("ipFamilyPolicy").asText());
    }
    if (!spec.path("ipFamilies").isEmpty()) {
      w.line(0, "IP Families", join(spec.path("ipFamilies")));
    }
    w.line(0, "IP", spec.path("clusterIP").asText(""));
    w.line(
        0,
        "IPs",
        spec.path("clusterIPs").isEmpty() ? DescribeText.NONE : join(spec.path("clusterIPs")));
    if (!spec.path("externalIPs").isEmpty()) {
      w.line(0, "External IPs", join(spec.path("externalIPs")));
    }
    if (!spec.path("loadBalancerIP").asText("").isEmpty()) {
      w.line(0, "IP", spec.path("loadBalancerIP").asText());
    }
    List<String> ingress = new ArrayList<>();
    for (JsonNode i : in.status().path("loadBalancer").path("ingress")) {
      String address = i.path("ip").asText(i.path("hostname").asText(""));
      String mode = i.path("ipMode").asText("");
      ingress.add(mode.isEmpty() ? address : address + " (" + mode + ")");
    }
    if (!ingress.isEmpty()) {
      w.line(0, "LoadBalancer Ingress", String.join(", ", ingress));
    }
    for (JsonNode port : spec.path("ports")) {
      String name = port.path("name").asText("");
      name = name.isEmpty() ? "<unset>" : name;
      String protocol = port.path("protocol").asText("TCP");
      w.raw(0, "Port:\t" + name + "\t" + port.path("port").asInt() + "/" + protocol + "\n");
      JsonNode target = port.path("targetPort");
      w.line(
          0,
          "TargetPort",
          (target.isMissingNode() || "0".equals(target.asText()) ? "<none>" : target.asText())
              + "/"
              + protocol);
      if (port.path("nodePort").asInt(0) != 0) {
        w.raw(
            0, "NodePort:\t" + name + "\t" + port.path("nodePort").asInt() + "/" + protocol + "\n");
      }
      w.line(0, "Endpoints", endpoints(in.related(), port.path("name").asText("")));
    }
    if (spec.path("ports").isEmpty()) {
      w.line(0, "Endpoints", endpoints(in.related(), null));
    }
    w.line(0, "Session Affinity", spec.path("sessionAffinity").asText("None"));
    if (!spec.path("externalTrafficPolicy").asText("").isEmpty()) {
      w.line(0, "External Traffic Policy", spec.path("externalTrafficPolicy").asText());
    }
    if (!spec.path("internalTrafficPolicy").asText("").isEmpty()) {
      w.line(0, "Internal Traffic Policy", spec.path("internalTrafficPolicy").asText());
    }
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  /** Ready endpoints as ip:port for the service port named {@code portName} (null: any port). */
  static String endpoints(List<JsonNode> slices, String portName) {
    List<String> list = new ArrayList<>();
    int count = 0;
    for (JsonNode slice : slices) {
      for (JsonNode port : slice.path("ports")) {
        if (portName != null && !portName.equals(port.path("name").asText(""))) {
          continue;
        }
        for (JsonNode ep : slice.path("endpoints")) {
          if (!ep.path("conditions").path("ready").asBoolean(true)
              || ep.path("addresses").isEmpty()) {
            continue;
          }
          if (list.size() < MAX_ENDPOINTS) {
            list.add(ep.path("addresses").get(0).asText() + ":" + port.path("port").asInt());
          }
          count++;
        }
      }
    }
    if (list.isEmpty()) {
      return DescribeText.NONE;
    }
    String joined = String.join(",", list);
    return count > MAX_ENDPOINTS ? joined + " + " + (count - MAX_ENDPOINTS) + " more..." : joined;
  }

  private static String join(JsonNode values) {
    List<String> list = new ArrayList<>();
    values.forEach(v -> list.add(v.asText()));
    return String.join(",", list);
  }
}
