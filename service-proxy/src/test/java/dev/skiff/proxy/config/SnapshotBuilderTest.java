package dev.skiff.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.Json;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.proxy.model.BackendEndpoint;
import dev.skiff.proxy.model.NodeInfo;
import dev.skiff.proxy.model.Protocol;
import dev.skiff.proxy.model.ProxyServicePort;
import dev.skiff.proxy.model.ServicePortName;
import dev.skiff.proxy.model.SessionAffinity;
import dev.skiff.proxy.model.Snapshot;
import dev.skiff.proxy.model.TrafficPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {
  private static final String WEB =
      """
      {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},
       "spec":{"type":"LoadBalancer","clusterIP":"127.10.0.1","sessionAffinity":"ClientIP",
               "externalTrafficPolicy":"Local",
               "ports":[{"name":"http","port":80,"targetPort":8080,"nodePort":30080},
                        {"name":"dns","protocol":"UDP","port":53,"nodePort":30053}]},
       "status":{"loadBalancer":{"ingress":[{"ip":"127.20.0.1"}]}}}
      """;
  private static final String SLICE =
      """
      {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
       "metadata":{"name":"web-abc","namespace":"default",
                   "labels":{"kubernetes.io/service-name":"web"}},
       "addressType":"IPv4",
       "ports":[{"name":"http","protocol":"TCP","port":8080}],
       "endpoints":[{"addresses":["127.0.2.1"],"conditions":{"ready":true},"nodeName":"n1"},
                    {"addresses":["127.0.2.2"],"conditions":{"ready":false},"nodeName":"n1"},
                    {"addresses":["127.0.2.3"],"nodeName":"n2"}]}
      """;
  private static final String NODE =
      """
      {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},
       "status":{"addresses":[{"type":"Hostname","address":"n1"},{"type":"InternalIP","address":"127.0.1.1"}],
                 "conditions":[{"type":"Ready","status":"True"}]}}
      """;

  @Test
  void buildsServicePortsWithReadyEndpointsOfTheMatchingSlicePort() {
    Snapshot snapshot =
        new SnapshotBuilder("n1")
            .build(
                List.of(Json.parse(WEB, Service.class)),
                List.of(Json.parse(SLICE, EndpointSlice.class)),
                List.of(Json.parse(NODE, Node.class)));

    ProxyServicePort http = snapshot.service(new ServicePortName("default", "web", "http"));
    assertThat(http.protocol()).isEqualTo(Protocol.TCP);
    assertThat(http.clusterIP()).isEqualTo("127.10.0.1");
    assertThat(http.port()).isEqualTo(80);
    assertThat(http.nodePort()).isEqualTo(30080);
    assertThat(http.ingressIPs()).containsExactly("127.20.0.1");
    assertThat(http.affinity()).isEqualTo(SessionAffinity.clientIP(10800));
    assertThat(http.externalTrafficPolicy()).isEqualTo(TrafficPolicy.LOCAL);
    assertThat(http.endpoints())
        .containsExactly(
            new BackendEndpoint("127.0.2.1", 8080, "n1", true),
            new BackendEndpoint("127.0.2.3", 8080, "n2", false));

    ProxyServicePort dns = snapshot.service(new ServicePortName("default", "web", "dns"));
    assertThat(dns.protocol()).isEqualTo(Protocol.UDP);
    assertThat(dns.endpoints()).isEmpty();
    assertThat(snapshot.nodes()).containsExactly(new NodeInfo("n1", "127.0.1.1", true));
  }

  @Test
  void clusterIPServicesHaveNoNodePortNorIngress() {
    Service svc = Json.parse(WEB, Service.class);
    svc.spec.type = "ClusterIP";
    Snapshot snapshot = new SnapshotBuilder("n1").build(List.of(svc), List.of(), List.of());

    ProxyServicePort http = snapshot.service(new ServicePortName("default", "web", "http"));
    assertThat(http.nodePort()).isZero();
    assertThat(http.ingressIPs()).isEmpty();
  }

  @Test
  void skipsExternalNameAndHeadlessServices() {
    Service external = Json.parse(WEB, Service.class);
    external.spec.type = "ExternalName";
    Service headless = Json.parse(WEB, Service.class);
    headless.spec.type = "ClusterIP";
    headless.spec.clusterIP = "None";

    assertThat(
            new SnapshotBuilder("n1")
                .build(List.of(external, headless), List.of(), List.of())
                .services())
        .isEmpty();
  }
}
