package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** describe endpointslice and endpoints, in kubectl's layouts. */
final class EndpointsDescriber {
  private static final String UNSET = "<unset>";

  private EndpointsDescriber() {}

  static String slice(DescribeInput in) {
    DescribeText w = in.text();
    JsonNode slice = in.object();
    header(w, in);
    w.line(0, "AddressType", slice.path("addressType").asText(""));
    if (slice.path("ports").isEmpty()) {
      w.raw(0, "Ports: <unset>\n");
    } else {
      w.heading(0, "Ports");
      w.raw(1, "Name\tPort\tProtocol\n");
      w.raw(1, "----\t----\t--------\n");
      for (JsonNode p : slice.path("ports")) {
        String name = p.path("name").asText("");
        String port = p.path("port").isNumber() ? p.path("port").asText() : UNSET;
        w.raw(
            1,
            (name.isEmpty() ? UNSET : name)
                + "\t"
                + port
                + "\t"
                + p.path("protocol").asText("TCP")
                + "\n");
      }
    }
    if (slice.path("endpoints").isEmpty()) {
      w.raw(0, "Endpoints: <none>\n");
    } else {
      w.heading(0, "Endpoints");
      for (JsonNode e : slice.path("endpoints")) {
        w.line(1, "- Addresses", join(e.path("addresses"), ", "));
        w.heading(2, "Conditions");
        JsonNode ready = e.path("conditions").path("ready");
        w.line(3, "Ready", ready.isBoolean() ? ready.asText() : UNSET);
        w.line(2, "Hostname", e.path("hostname").asText(UNSET));
        JsonNode ref = e.path("targetRef");
        if (ref.isObject()) {
          w.line(2, "TargetRef", ref.path("kind").asText() + "/" + ref.path("name").asText());
        }
        w.line(2, "NodeName", e.path("nodeName").asText(UNSET));
        w.line(2, "Zone", e.path("zone").asText(UNSET));
      }
    }
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  static String endpoints(DescribeInput in) {
    DescribeText w = in.text();
    header(w, in);
    w.heading(0, "Subsets");
    for (JsonNode subset : in.object().path("subsets")) {
      w.line(1, "Addresses", ips(subset.path("addresses")));
      w.line(1, "NotReadyAddresses", ips(subset.path("notReadyAddresses")));
      if (!subset.path("ports").isEmpty()) {
        w.heading(1, "Ports");
        w.raw(2, "Name\tPort\tProtocol\n");
        w.raw(2, "----\t----\t--------\n");
        for (JsonNode p : subset.path("ports")) {
          String name = p.path("name").asText("");
          w.raw(
              2,
              (name.isEmpty() ? UNSET : name)
                  + "\t"
                  + p.path("port").asInt()
                  + "\t"
                  + p.path("protocol").asText("TCP")
                  + "\n");
        }
      }
      w.raw(0, "\n");
    }
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  static String namespace(DescribeInput in) {
    DescribeText w = in.text();
    w.line(0, "Name", in.meta().path("name").asText());
    w.labels(0, "Labels", in.meta().path("labels"));
    w.annotations(0, "Annotations", in.meta().path("annotations"));
    w.line(0, "Status", in.status().path("phase").asText(""));
    return w.toString();
  }

  private static void header(DescribeText w, DescribeInput in) {
    w.line(0, "Name", in.meta().path("name").asText());
    w.line(0, "Namespace", in.meta().path("namespace").asText());
    w.labels(0, "Labels", in.meta().path("labels"));
    w.annotations(0, "Annotations", in.meta().path("annotations"));
  }

  private static String ips(JsonNode addresses) {
    List<String> ips = new ArrayList<>();
    addresses.forEach(a -> ips.add(a.path("ip").asText()));
    return ips.isEmpty() ? DescribeText.NONE : String.join(",", ips);
  }

  private static String join(JsonNode values, String separator) {
    List<String> list = new ArrayList<>();
    values.forEach(v -> list.add(v.asText()));
    return list.isEmpty() ? DescribeText.NONE : String.join(separator, list);
  }
}
