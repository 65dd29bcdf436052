package dev.skiff.dns.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvConfTest {
  @Test
  void readsNameserverLinesInOrderAndIgnoresTheRest() {
    List<InetSocketAddress> servers =
        ResolvConf.parse(
            List.of(
                "# comment",
                "search default.svc.cluster.local svc.cluster.local",
                "nameserver 127.0.0.53",
                "  nameserver   fe80::1%eth0",
                "nameserver not-an-address",
                "options ndots:5",
                "nameserver 127.0.0.54"));
    assertThat(servers)
        .extracting(s -> s.getAddress().getHostAddress() + "#" + s.getPort())
        .containsExactly("127.0.0.53#53", "fe80:0:0:0:0:0:0:1#53", "127.0.0.54#53");
  }
}
