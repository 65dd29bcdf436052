package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.JsonNode;

/** The pod QoS class (Guaranteed, Burstable, BestEffort) computed from container resources. */
final class QosClass {
  private QosClass() {}

  static String of(JsonNode spec) {
    boolean any = false;
    boolean guaranteed = true;
    for (String list : new String[] {"initContainers", "containers"}) {
      for (JsonNode c : spec.path(list)) {
        JsonNode requests = c.path("resources").path("requests");
        JsonNode limits = c.path("resources").path("limits");
        any |= requests.size() > 0 || limits.size() > 0;
        for (String r : new String[] {"cpu", "memory"}) {
          JsonNode limit = limits.get(r);
          JsonNode request = requests.get(r);
          if (limit == null || (request != null && !request.asText().equals(limit.asText()))) {
            guaranteed = false;
          }
        }
      }
    }
    if (!any) {
      return "BestEffort";
    }
    return guaranteed ? "Guaranteed" : "Burstable";
  }
}
