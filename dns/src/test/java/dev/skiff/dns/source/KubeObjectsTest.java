package dev.skiff.dns.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodIP;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.dns.testing.DnsObjects;
import dev.skiff.dns.testing.DnsObjects.Ep;
import dev.skiff.dns.zone.EndpointEntry;
import dev.skiff.dns.zone.ServiceEntry;
import dev.skiff.dns.zone.ServiceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeObjectsTest {
  @Test
  void convertsAClusterIpService() {
    Service service = DnsObjects.service("default", "web", "127.10.0.20", "ClusterIP");
    service.spec().clusterIPs = List.of("127.10.0.20", "fd00::20");
    ServiceEntry entry = KubeObjects.service(service);
    assertThat(entry.type()).isEqualTo(ServiceType.CLUSTER_IP);
    assertThat(entry.headless()).isFalse();
    assertThat(entry.clusterIPs()).containsExactly("127.10.0.20", "fd00::20");
    assertThat(entry.ports())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("http");
              assertThat(p.port()).isEqualTo(80);
            });
  }

  @Test
  void treatsClusterIpNoneAsHeadlessAndHonoursTheTolerateUnreadyAnnotation() {
    Service service = DnsObjects.service("default", "db", "None", null);
    service.metadata.annotations = Map.of(KubeObjects.TOLERATE_UNREADY, "true");
    ServiceEntry entry = KubeObjects.service(service);
    assertThat(entry.headless()).isTrue();
    assertThat(entry.clusterIPs()).isEmpty();
    assertThat(entry.publishNotReadyAddresses()).isTrue();
  }

  @Test
  void convertsAnExternalNameService() {
    ServiceEntry entry =
        KubeObjects.service(DnsObjects.externalName("default", "ext", "www.example.test"));
    assertThat(entry.type()).isEqualTo(ServiceType.EXTERNAL_NAME);
    assertThat(entry.externalName()).isEqualTo("www.example.test");
  }

  @Test
  void flattensSliceEndpointsWithReadinessHostnameAndPorts() {
    EndpointSlice slice =
        DnsObjects.slice(
            "default",
            "db",
            "db-1",
            new Ep("127.30.0.1", "db-0", true),
            new Ep("127.30.0.2", null, false));
    slice.endpoints.get(0).conditions = null; // nil conditions mean ready
    var entry = KubeObjects.slice(slice);
    assertThat(entry.serviceName()).isEqualTo("db");
    assertThat(entry.endpoints())
        .extracting(EndpointEntry::ip, EndpointEntry::hostname, EndpointEntry::ready)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("127.30.0.1", "db-0", true),
            org.assertj.core.groups.Tuple.tuple("127.30.0.2", null, false));
    assertThat(entry.endpoints().get(0).ports())
        .singleElement()
        .satisfies(p -> assertThat(p.port()).isEqualTo(8080));
  }

  @Test
  void ignoresSlicesWithoutAServiceNameLabel() {
    EndpointSlice slice =
        DnsObjects.slice("default", "db", "db-1", new Ep("127.30.0.1", null, true));
    slice.metadata.labels = Map.of();
    assertThat(KubeObjects.slice(slice)).isNull();
  }

  @Test
  void takesEveryPodIp() {
    Pod pod = new Pod();
    pod.metadata = new dev.skiff.api.model.meta.ObjectMeta();
    pod.metadata.namespace = "default";
    pod.metadata.name = "p";
    assertThat(KubeObjects.pod(pod).ips()).isEmpty();
    PodIP v4 = new PodIP();
    v4.ip = "127.40.0.1";
    PodIP v6 = new PodIP();
    v6.ip = "fd00::1";
    pod.status().podIPs = List.of(v4, v6);
    assertThat(KubeObjects.pod(pod).ips()).containsExactly("127.40.0.1", "fd00::1");
  }
}
