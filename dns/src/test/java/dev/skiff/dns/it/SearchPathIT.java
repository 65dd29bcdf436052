package dev.skiff.dns.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.dns.testing.DnsClient;
import dev.skiff.dns.testing.RunningServer;
import dev.skiff.testing.Dig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Cache;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Short names resolve as inside a pod of namespace default: search list {@code
 * default.svc.cluster.local svc.cluster.local cluster.local}, ndots:5. Clients: dig reading a pod's
 * resolv.conf (bind-mounted over /etc/resolv.conf in a private mount namespace), and dnsjava's
 * Lookup with the same search list.
 */
class SearchPathIT {
  static final List<String> SEARCH =
      List.of("default.svc.cluster.local", "svc.cluster.local", "cluster.local");

  static RunningServer server;
  @TempDir static Path dir;
  static Path resolvConf;

  @BeforeAll
  static void start() throws IOException {
    server = RunningServer.sample().server();
    resolvConf = dir.resolve("resolv.conf");
    Files.writeString(
        resolvConf,
        "nameserver 127.0.0.1\nsearch " + String.join(" ", SEARCH) + "\noptions ndots:5\n");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "web, 10.96.0.20",
    "web.default, 10.96.0.20",
    "web.default.svc, 10.96.0.20",
    "web.default.svc.cluster.local, 10.96.0.20",
    "web.other, 10.96.0.30",
    "db-0.db, 10.1.0.1",
  })
  void digWithThePodsResolvConfResolvesShortNames(String name, String expected) {
    String dig =
        "dig @127.0.0.1 -p " + server.port() + " +search +showsearch +tries=1 +time=3 " + name;
    String script = "mount --bind " + resolvConf + " /etc/resolv.conf && exec " + dig;
    Dig.Result result = Dig.run(List.of("unshare", "-m", "sh", "-c", script));
    assertThat(result.status()).as(result.raw()).isEqualTo("NOERROR");
    assertThat(result.answerData()).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "web, 10.96.0.20",
    "web.default, 10.96.0.20",
    "web.default.svc, 10.96.0.20",
    "web.other, 10.96.0.30",
  })
  void dnsjavaLookupWithTheSearchListResolvesShortNames(String name, String expected)
      throws IOException {
    for (DnsClient client : List.of(DnsClient.udp(server.port()), DnsClient.tcp(server.port()))) {
      Lookup lookup = new Lookup(name, Type.A);
      lookup.setResolver(client.resolver());
      lookup.setSearchPath(SEARCH.toArray(String[]::new));
      lookup.setNdots(5);
      lookup.setCache(new Cache());
      lookup.setHostsFileParser(null);
      Record[] answers = lookup.run();
      assertThat(lookup.getResult()).as(lookup.getErrorString()).isEqualTo(Lookup.SUCCESSFUL);
      assertThat(Arrays.stream(answers).map(Record::rdataToString)).containsExactly(expected);
    }
  }
}
