package dev.skiff.server.controller.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointConditions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SameJsonTest {
  private static Endpoint endpoint(String ip, boolean ready, Map<String, String> topology) {
    Endpoint e = new Endpoint();
    e.addresses = new ArrayList<>(List.of(ip));
    e.conditions = new EndpointConditions();
    e.conditions.ready = ready;
    e.deprecatedTopology = topology;
    return e;
  }

  private static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void mapEntryOrderDoesNotMatter() {
    Endpoint a = endpoint("127.3.0.1", true, map("zone", "a", "host", "h"));
    Endpoint b = endpoint("127.3.0.1", true, map("host", "h", "zone", "a"));
    a.setAdditionalProperty("x", 1);
    a.setAdditionalProperty("y", 2);
    b.setAdditionalProperty("y", 2);
    b.setAdditionalProperty("x", 1);

    assertThat(SameJson.same(List.of(a), List.of(b))).isTrue();
  }

  @Test
  void aChangedConditionOrUnknownFieldDiffers() {
    Endpoint ready = endpoint("127.3.0.1", true, null);
    Endpoint unready = endpoint("127.3.0.1", false, null);
    Endpoint extra = endpoint("127.3.0.1", true, null);
    extra.setAdditionalProperty("x", 1);

    assertThat(SameJson.same(List.of(ready), List.of(unready))).isFalse();
    assertThat(SameJson.same(List.of(ready), List.of(extra))).isFalse();
  }

  @Test
  void nullIsAnEmptyList() {
    assertThat(SameJson.same(null, List.of())).isTrue();
    assertThat(SameJson.same(null, List.of(endpoint("127.3.0.1", true, null)))).isFalse();
  }
}
