package dev.skiff.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.agent.runtime.Cidr;
import dev.skiff.agent.runtime.RuntimeFailure;
import org.junit.jupiter.api.Test;

class PodIpAllocatorTest {
  @Test
  void handsOutTheLowestFreeAddressAndKeepsAPodsAddress() {
    PodIpAllocator ips = new PodIpAllocator(Cidr.parse("127.1.1.0/29"));
    assertThat(ips.allocate("a", null)).isEqualTo("127.1.1.1");
    assertThat(ips.allocate("b", null)).isEqualTo("127.1.1.2");
    assertThat(ips.allocate("a", null)).isEqualTo("127.1.1.1");
    ips.release("a");
    assertThat(ips.allocate("c", null)).isEqualTo("127.1.1.1");
  }

  @Test
  void honoursAPreferredAddressWhenFreeAndInRange() {
    PodIpAllocator ips = new PodIpAllocator(Cidr.parse("127.1.1.0/29"));
    assertThat(ips.allocate("a", "127.1.1.5")).isEqualTo("127.1.1.5");
    assertThat(ips.allocate("b", "127.1.1.5")).isEqualTo("127.1.1.1");
    assertThat(ips.allocate("c", "10.0.0.1")).isEqualTo("127.1.1.2");
  }

  @Test
  void aFullRangeIsASandboxError() {
    PodIpAllocator ips = new PodIpAllocator(Cidr.parse("127.1.1.0/30"));
    ips.allocate("a", null);
    ips.allocate("b", null);
    assertThatThrownBy(() -> ips.allocate("c", null))
        .isInstanceOfSatisfying(
            RuntimeFailure.class, f -> assertThat(f.reason()).isEqualTo("CreatePodSandboxError"));
  }
}
