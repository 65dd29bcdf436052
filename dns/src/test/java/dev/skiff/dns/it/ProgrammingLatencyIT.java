package dev.skiff.dns.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.dns.source.ZoneSource;
import dev.skiff.dns.testing.RunningServer;
import dev.skiff.dns.testing.UdpProbe;
import dev.skiff.dns.zone.ClusterZone;
import dev.skiff.dns.zone.PortEntry;
import dev.skiff.dns.zone.ServiceEntry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

/**
 * DNS programming latency within the dns module: from a Service handed to the zone to its name
 * resolving over UDP, with 1,000 Services already in the zone. Target: p99 under 50 ms.
 */
class ProgrammingLatencyIT {
  static final int EXISTING = 1_000;
  static final int SAMPLES = 200;
  static final int WARMUP = 50;
  static RunningServer server;

  @BeforeAll
  static void start() {
    server =
        RunningServer.start(
            RunningServer.newVertx(), ZoneSource.manual(), List.of(), Duration.ofMillis(100));
    ClusterZone zone = server.server.zone();
    for (int i = 0; i < EXISTING; i++) {
      zone.upsertService(ServiceEntry.clusterIp("bulk", "svc-" + i, ip(i), http()));
    }
    zone.markSynced();
    zone.flush().join();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void newServiceResolvesWithinFiftyMillisecondsAtP99() {
    ClusterZone zone = server.server.zone();
    long[] micros = new long[SAMPLES];
    try (UdpProbe probe = new UdpProbe(server.port())) {
      for (int i = -WARMUP; i < SAMPLES; i++) { // the first WARMUP rounds are not recorded
        String name = "new" + i + ".latency.svc.cluster.local.";
        long start = System.nanoTime();
        zone.upsertService(
            ServiceEntry.clusterIp("latency", "new" + i, ip(EXISTING + WARMUP + i), http()));
        while (probe.rcode(name) != Rcode.NOERROR) {
          assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(5).toNanos());
        }
        if (i >= 0) {
          micros[i] = (System.nanoTime() - start) / 1_000;
        }
      }
    }
    Arrays.sort(micros);
    long p50 = micros[SAMPLES / 2];
    long p99 = micros[(int) Math.ceil(SAMPLES * 0.99) - 1];
    System.out.printf(
        "DNS programming latency (%d samples, %d services): p50 %.2f ms, p99 %.2f ms, max %.2f"
            + " ms%n",
        SAMPLES, EXISTING, p50 / 1000.0, p99 / 1000.0, micros[SAMPLES - 1] / 1000.0);
    assertThat(p99).isLessThan(50_000);
  }

  static PortEntry http() {
    return new PortEntry("http", "TCP", 80);
  }

  static String ip(int i) {
    return "10.100." + (i / 250) + "." + (i % 250 + 1);
  }
}
