package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The ENDPOINTS and PORTS cells of Endpoints and EndpointSlices, three entries then "+ N more". */
final class EndpointText {
  private static final int MAX = 3;

  private EndpointText() {}

  static String endpoints(JsonNode endpoints) {
    JsonNode subsets = endpoints.path("subsets");
    if (subsets.isEmpty()) {
      return Cells.NONE;
    }
    List<String> list = new ArrayList<>();
    int count = 0;
    for (JsonNode subset : subsets) {
      JsonNode ports = subset.path("ports");
      JsonNode addresses = subset.path("addresses");
      if (ports.isEmpty()) {
        count += addresses.size();
        addresses.forEach(a -> list.add(a.path("ip").asText()));
        continue;
      }
      for (JsonNode port : ports) {
        count += addresses.size();
        for (JsonNode a : addresses) {
          String ip = a.path("ip").asText();
          String host = ip.contains(":") ? "[" + ip + "]" : ip;
          list.add(host + ":" + port.path("port").asLong());
        }
      }
    }
    return Cells.listWithMore(list, count, MAX, "");
  }

  static String slicePorts(JsonNode ports) {
    List<String> list = new ArrayList<>();
    for (JsonNode port : ports) {
      if (port.hasNonNull("port")) {
        list.add(Long.toString(port.path("port").asLong()));
      } else if (port.hasNonNull("name")) {
        list.add(port.path("name").asText());
      } else {
        list.add("*");
      }
    }
    return Cells.listWithMore(list, list.size(), MAX, "<unset>");
  }

  static String sliceEndpoints(JsonNode endpoints) {
    List<String> list = new ArrayList<>();
    for (JsonNode endpoint : endpoints) {
      endpoint.path("addresses").forEach(a -> list.add(a.asText()));
    }
    return Cells.listWithMore(list, list.size(), MAX, "<unset>");
  }
}
