package dev.skiff.dns.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.dns.source.InformerZoneSource;
import dev.skiff.dns.testing.RunningServer;
import dev.skiff.testing.Dig;
import dev.skiff.testing.FreePorts;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With an api-server that cannot be reached, the informers never sync: SERVFAIL, never NXDOMAIN.
 */
class UnsyncedSourceIT {
  @Test
  void answersServfailWhileTheApiServerCannotBeReached() {
    Vertx vertx = RunningServer.newVertx();
    try {
      KubeClient unreachable =
          new KubeClient(vertx, "http://127.0.0.1:" + FreePorts.loopback(), "token");
      try (RunningServer server =
          RunningServer.start(
              vertx,
              new InformerZoneSource(unreachable, InformerOptions.defaults(), false),
              List.of(),
              Duration.ofMillis(100))) {
        for (String name : List.of("web.default.svc.cluster.local", "nosuch.cluster.local")) {
          assertThat(Dig.query(server.port(), name, "A").status()).isEqualTo("SERVFAIL");
        }
        assertThat(server.server.zone().synced()).isFalse();
      }
    } finally {
      vertx.close();
    }
  }
}
