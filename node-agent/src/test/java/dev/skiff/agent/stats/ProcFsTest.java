package dev.skiff.agent.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.runtime.ContainerUsage;
import org.junit.jupiter.api.Test;

class ProcFsTest {
  @Test
  void cpuTicksAddOwnAndReapedChildrenTimeAndSurviveSpacesInTheCommand() {
    String stat =
        "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194304 100 0 0 0 7 3 2 1 20 0 1 0 12345 0 0";
    assertThat(ProcFs.cpuTicks(stat)).isEqualTo(7 + 3 + 2 + 1);
  }

  @Test
  void kibReadsANamedLine() {
    assertThat(ProcFs.kib("Name:\tsh\nVmRSS:\t    1536 kB\n", "VmRSS:")).isEqualTo(1536);
    assertThat(ProcFs.kib("Name:\tsh\n", "VmRSS:")).isZero();
  }

  @Test
  void measuresThisJvm() {
    ContainerUsage self = ProcFs.processTree(ProcessHandle.current());
    assertThat(self.cpuNanos()).isPositive();
    assertThat(self.memoryBytes()).isGreaterThan(1024 * 1024);
    ContainerUsage node = ProcFs.node();
    assertThat(node.cpuNanos()).isPositive();
    assertThat(node.memoryBytes()).isPositive();
  }
}
