package dev.skiff.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.Json;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.proxy.dataplane.DataPlane;
import dev.skiff.proxy.dataplane.SyncResult;
import dev.skiff.proxy.metrics.MetricsRegistry;
import dev.skiff.proxy.metrics.ProxyMetrics;
import dev.skiff.proxy.model.ServicePortName;
import dev.skiff.proxy.model.Snapshot;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxySyncTest {
  private final List<Snapshot> programmed = new ArrayList<>();
  private final DataPlane recorder =
      new DataPlane() {
        @Override
        public Future<SyncResult> sync(Snapshot snapshot) {
          programmed.add(snapshot);
          return Future.succeededFuture(new SyncResult(Set.of(), Map.of()));
        }

        @Override
        public Future<Void> close() {
          return Future.succeededFuture();
        }
      };
  private int changes;
  private final ProxyState state = new ProxyState(() -> changes++);
  private final ProxyMetrics metrics = new ProxyMetrics();
  private final ProxySync sync =
      new ProxySync(state, new SnapshotBuilder("n1"), recorder, metrics, false, s -> {});

  @Test
  void programsNothingUntilServicesAndSlicesHaveSynced() {
    state.onServiceAdd(service());
    state.onServicesSynced();
    sync.get();
    assertThat(programmed).isEmpty();

    state.onEndpointSlicesSynced();
    sync.get();
    assertThat(programmed).hasSize(1);
    assertThat(programmed.get(0).services())
        .containsKey(new ServicePortName("default", "web", "http"));
  }

  @Test
  void everyChangeRequestsARunAndDeletesAreProgrammed() {
    state.onServicesSynced();
    state.onEndpointSlicesSynced();
    Service web = service();
    state.onServiceAdd(web);
    state.onServiceDelete(web);
    sync.get();

    assertThat(changes).isEqualTo(4);
    assertThat(programmed.get(0).services()).isEmpty();
  }

  @Test
  void recordsProgrammingLatencyFromTheSlicesTriggerTime() {
    state.onServicesSynced();
    state.onEndpointSlicesSynced();
    state.onEndpointSliceAdd(slice(Instant.now().minusMillis(300)));
    sync.get();
    sync.get();

    String text = new MetricsRegistry().register(metrics).render();
    assertThat(text).contains("skiff_proxy_network_programming_duration_seconds_count 1\n");
    assertThat(text)
        .contains("skiff_proxy_network_programming_duration_seconds_bucket{le=\"0.25\"} 0\n");
  }

  private static Service service() {
    return Json.parse(
        """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},
         "spec":{"clusterIP":"127.10.0.1","ports":[{"name":"http","port":80}]}}
        """,
        Service.class);
  }

  private static EndpointSlice slice(Instant trigger) {
    return Json.parse(
        """
        {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
         "metadata":{"name":"web-1","namespace":"default",
                     "labels":{"kubernetes.io/service-name":"web"},
                     "annotations":{"endpoints.kubernetes.io/last-change-trigger-time":"%s"}},
         "addressType":"IPv4","ports":[{"name":"http","port":8080}],
         "endpoints":[{"addresses":["127.0.2.1"]}]}
        """
            .formatted(trigger),
        EndpointSlice.class);
  }
}
