package dev.skiff.proxy.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.proxy.model.SessionAffinity;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RoundRobinBalancerTest {
  private long now = 0;
  private final RoundRobinBalancer<String> balancer =
      new RoundRobinBalancer<>(() -> now, new Random(7));

  @Test
  void givesNothingWithoutEndpoints() {
    assertThat(balancer.pick(ip("127.0.3.1"))).isNull();
    assertThat(balancer.next(ip("127.0.3.1"), "a")).isNull();
  }

  @Test
  void cyclesOverEveryEndpointEvenly() {
    balancer.update(List.of("a", "b", "c"), SessionAffinity.NONE);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      counts.merge(balancer.pick(ip("127.0.3.1")), 1, Integer::sum);
    }
    assertThat(counts).containsOnly(Map.entry("a", 10), Map.entry("b", 10), Map.entry("c", 10));
  }

  @Test
  void keepsTheOrderWhenTheSetDoesNotChange() {
    balancer.update(List.of("a", "b", "c"), SessionAffinity.NONE);
    List<String> first = picks(3);
    balancer.update(List.of("c", "b", "a"), SessionAffinity.NONE);
    assertThat(picks(3)).isEqualTo(first);
  }

  @Test
  void clientIpAffinitySticksUntilTheTimeout() {
    balancer.update(List.of("a", "b", "c"), SessionAffinity.clientIP(60));
    String chosen = balancer.pick(ip("127.0.3.1"));
    for (int i = 0; i < 10; i++) {
      now += TimeUnit.SECONDS.toNanos(30);
      assertThat(balancer.pick(ip("127.0.3.1"))).isEqualTo(chosen);
    }
    balancer.pick(ip("127.0.3.2"));
    now += TimeUnit.SECONDS.toNanos(61);
    balancer.expireAffinity();
    assertThat(balancer.affinityRecords()).isZero();
  }

  @Test
  void affinityToARemovedEndpointIsDropped() {
    balancer.update(List.of("a", "b"), SessionAffinity.clientIP(60));
    String chosen = balancer.pick(ip("127.0.3.1"));
    String other = chosen.equals("a") ? "b" : "a";
    balancer.update(List.of(other), SessionAffinity.clientIP(60));
    assertThat(balancer.pick(ip("127.0.3.1"))).isEqualTo(other);
  }

  @Test
  void nextSkipsTheEndpointThatFailedAndResetsAffinity() {
    balancer.update(List.of("a", "b", "c"), SessionAffinity.clientIP(60));
    String failed = balancer.pick(ip("127.0.3.1"));
    String next = balancer.next(ip("127.0.3.1"), failed);
    assertThat(next).isNotEqualTo(failed);
    assertThat(balancer.pick(ip("127.0.3.1"))).isEqualTo(next);
  }

  private List<String> picks(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(balancer.pick(null));
    }
    return out;
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
