package dev.skiff.agent.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.NodeCondition;
import dev.skiff.api.model.core.NodeStatus;
import dev.skiff.api.model.core.NodeSystemInfo;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeObjectsTest {
  private static final NodeIdentity ID =
      new NodeIdentity(
          "node-1",
          "127.64.0.1",
          "node-1",
          10250,
          "10.244.1.0/24",
          Map.of(),
          Map.of("memory", "1Gi"),
          "process://1");

  @Test
  void memoryPressureIsReportedTheWayTheKubeletReportsIt() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    NodeStatus calm = NodeObjects.status(ID, new NodeSystemInfo(), true, false, null, t0);
    assertThat(condition(calm, "MemoryPressure").status).isEqualTo("False");
    assertThat(condition(calm, "MemoryPressure").reason).isEqualTo("KubeletHasSufficientMemory");

    Instant t1 = t0.plusSeconds(10);
    NodeStatus pressed = NodeObjects.status(ID, new NodeSystemInfo(), true, true, calm, t1);
    NodeCondition memory = condition(pressed, "MemoryPressure");
    assertThat(memory.status).isEqualTo("True");
    assertThat(memory.reason).isEqualTo("KubeletHasInsufficientMemory");
    assertThat(memory.message).isEqualTo("kubelet has insufficient memory available");
    assertThat(memory.lastTransitionTime).isEqualTo("2026-01-01T00:00:10Z");
    assertThat(condition(pressed, "Ready").lastTransitionTime).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void theHeapOfThisJvmIsReadAfterCollections() {
    JvmMemory memory = JvmMemory.read();
    assertThat(memory.max()).isEqualTo(Runtime.getRuntime().maxMemory());
    assertThat(memory.usedAfterGc()).isNotNegative();
    assertThat(new JvmMemory(90, 100).pressure()).isTrue();
    assertThat(new JvmMemory(80, 100).pressure()).isFalse();
    assertThat(memory.metrics()).contains("skiff_memory_pressure ", "skiff_heap_max_bytes ");
  }

  private static NodeCondition condition(NodeStatus status, String type) {
    return status.conditions.stream().filter(c -> c.type.equals(type)).findFirst().orElseThrow();
  }
}
