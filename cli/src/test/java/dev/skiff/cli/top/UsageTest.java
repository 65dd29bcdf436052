package dev.skiff.cli.top;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import org.junit.jupiter.api.Test;

class UsageTest {
  private static JsonNode usage(String cpu, String memory) {
    return Json.tree(("{\"cpu\":\"" + cpu + "\",\"memory\":\"" + memory + "\"}").getBytes());
  }

  @Test
  void readsMetricsServerQuantitiesAsKubectlTopPrintsThem() {
    JsonNode u = usage("24567891n", "35123Ki");
    assertThat(Usage.cpu(Usage.millicores(u))).isEqualTo("24m");
    assertThat(Usage.memory(Usage.bytes(u))).isEqualTo("34Mi");
    assertThat(Usage.millicores(usage("2", "1Gi"))).isEqualTo(2000);
    assertThat(Usage.millicores(usage("1500u", "0"))).isEqualTo(1);
    assertThat(Usage.bytes(usage("0", "1Gi"))).isEqualTo(1024L * 1024 * 1024);
  }

  @Test
  void percentOfCapacity() {
    assertThat(Usage.percent(500, 2000)).isEqualTo("25%");
    assertThat(Usage.percent(500, 0)).isEqualTo("<unknown>");
  }
}
