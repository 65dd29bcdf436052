package dev.skiff.server.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangesTest {
  @ParameterizedTest(name = "{0}: size {1}, static band {2}")
  @CsvSource({
    "127.10.0.0/16, 65534, 256",
    "10.96.0.0/12, 1048574, 256",
    "127.10.9.0/24, 254, 16",
    "127.10.9.0/28, 14, 14",
    "127.10.9.0/29, 6, 0",
  })
  void serviceCidrsHaveKubernetesSizesAndBands(String cidr, int size, int band) {
    Ipv4Range range = Ipv4Range.parse(cidr);
    assertThat(range.size()).isEqualTo(size);
    assertThat(range.staticBand()).isEqualTo(band);
  }

  @ParameterizedTest(name = "{0} -> ordinal {1}")
  @CsvSource({
    "127.10.0.1, 0",
    "127.10.0.10, 9",
    "127.10.1.0, 255",
    "127.10.255.254, 65533",
    "127.10.0.0, -1",
    "127.10.255.255, -1",
    "127.11.0.1, -1",
    "not-an-ip, -1",
    "127.10.0.256, -1",
  })
  void ordinalsSkipTheNetworkAndBroadcastAddresses(String ip, int ordinal) {
    Ipv4Range range = Ipv4Range.parse("127.10.0.0/16");
    assertThat(range.ordinalOf(ip)).isEqualTo(ordinal);
    if (ordinal >= 0) {
      assertThat(range.valueAt(ordinal)).isEqualTo(ip);
    }
  }

  @ParameterizedTest
  @CsvSource({"127.10.0.1/16", "127.10.0.0/31", "127.10.0.0", "nonsense/8"})
  void badCidrsAreRejected(String cidr) {
    assertThatThrownBy(() -> Ipv4Range.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}: size {1}, static band {2}")
  @CsvSource({"30000-32767, 2768, 86", "30000-30099, 100, 16", "31000-31002, 3, 0"})
  void portRangesHaveKubernetesBands(String text, int size, int band) {
    PortRange range = PortRange.parse(text);
    assertThat(range.size()).isEqualTo(size);
    assertThat(range.staticBand()).isEqualTo(band);
    assertThat(range.describe()).isEqualTo(text);
    assertThat(range.ordinalOf(Integer.toString(range.first()))).isZero();
    assertThat(range.ordinalOf(Integer.toString(range.last() + 1))).isEqualTo(-1);
  }
}
