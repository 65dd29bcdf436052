package dev.skiff.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void enumeratesHostAddresses() {
    Cidr c = Cidr.parse("127.1.3.0/24");
    assertThat(c.hostCount()).isEqualTo(254);
    assertThat(c.host(0)).isEqualTo("127.1.3.1");
    assertThat(c.host(253)).isEqualTo("127.1.3.254");
    assertThat(c.indexOf("127.1.3.1")).isZero();
    assertThat(c.indexOf("127.1.3.0")).isEqualTo(-1);
    assertThat(c.indexOf("127.1.3.255")).isEqualTo(-1);
    assertThat(c.indexOf("127.1.4.1")).isEqualTo(-1);
    assertThat(c.contains("127.1.3.77")).isTrue();
    assertThat(Cidr.parse("10.244.7.9/24").toString()).isEqualTo("10.244.7.0/24");
  }

  @Test
  void rejectsGarbage() {
    assertThatThrownBy(() -> Cidr.parse("127.1.3.0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("127.1.3/24")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("127.1.3.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Cidr.parse("127.0.0.0/8").indexOf("not-an-ip")).isEqualTo(-1);
  }

  @Test
  void hostAndIndexOfAreInverse() {
    Random random = new Random(42L);
    for (int i = 0; i < 500; i++) {
      int prefix = 8 + random.nextInt(23);
      Cidr c = Cidr.parse(random.nextInt(224) + "." + random.nextInt(256) + ".0.0/" + prefix);
      int index = random.nextInt(c.hostCount());
      assertThat(c.indexOf(c.host(index))).isEqualTo(index);
    }
  }

  @Test
  void allHostsOfASmallRangeAreDistinct() {
    Cidr c = Cidr.parse("192.168.5.0/28");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < c.hostCount(); i++) {
      assertThat(seen.add(c.host(i))).isTrue();
    }
    assertThat(seen).hasSize(14);
  }
}
