package dev.skiff.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.api.model.core.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubeDnsServiceTest {
  @ParameterizedTest
  @CsvSource({
    "127.10.0.0/16, 127.10.0.10",
    "10.96.0.0/12, 10.96.0.10",
    "10.96.7.9/12, 10.96.0.10",
    "192.168.1.0/24, 192.168.1.10",
  })
  void clusterIpIsTheTenthAddressOfTheServiceCidr(String cidr, String expected) {
    assertThat(KubeDnsService.clusterIp(cidr)).isEqualTo(expected);
  }

  @Test
  void rejectsCidrsWithoutATenthAddress() {
    assertThatThrownBy(() -> KubeDnsService.clusterIp("10.0.0.0/30"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void servesPort53OverUdpAndTcpToTheNodesPort() {
    Service service = KubeDnsService.service("127.10.0.0/16", DnsServerOptions.HIGH_PORT);
    assertThat(service.metadata.namespace).isEqualTo("kube-system");
    assertThat(service.spec().clusterIP).isEqualTo("127.10.0.10");
    assertThat(service.spec().ports)
        .extracting(p -> p.protocol + "/" + p.port + "->" + p.targetPort.intValue())
        .containsExactly("UDP/53->10053", "TCP/53->10053");
  }
}
