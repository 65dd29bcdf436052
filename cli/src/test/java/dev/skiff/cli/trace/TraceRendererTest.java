package dev.skiff.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.Service;
import dev.skiff.cli.output.Colors;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Service + pods + slices + nodes (+ counters) -> the drawing, case by case. */
class TraceRendererTest {
  static final Map<String, String> WEB = Map.of("app", "web", "tier", "frontend");

  static Stream<Arguments> cases() {
    Service lb =
        TraceObjects.withIngress(
            TraceObjects.service("LoadBalancer", WEB, TraceObjects.port("http", 80, 8080, 30080)),
            "127.66.0.1");
    return Stream.of(
        Arguments.of(
            "LoadBalancer: ingress, every node's NodePort, ClusterIP, endpoints with counters",
            new TraceInput(
                lb,
                List.of(
                    TraceObjects.pod("web-1", WEB, true),
                    TraceObjects.pod("web-2", WEB, false),
                    TraceObjects.pod("web-4", Map.of("app", "web"), true),
                    TraceObjects.pod("web-5", Map.of("app", "web", "tier", "backend"), true),
                    TraceObjects.pod("db-1", Map.of("app", "db"), true)),
                List.of(
                    TraceObjects.slice(
                        "http",
                        8080,
                        new Object[] {"web-2", "127.64.1.2", false},
                        new Object[] {"web-1", "127.64.1.1", true})),
                List.of(
                    TraceObjects.node("node-2", "127.64.0.2", false),
                    TraceObjects.node("node-1", "127.64.0.1", true)),
                new ConnectionCounts()
                    .add("default/web:http", "127.64.1.1:8080", 40)
                    .add("default/web:http", "127.64.1.1:8080", 2)
                    .add("default/web:http", "127.64.0.1:30080", 7)),
            """
            Service default/web: LoadBalancer, selector app=web,tier=frontend

            Port http 80/TCP -> target port 8080
              ● LoadBalancer ingress
              │   127.66.0.1:80
              ▼
              ● NodePort 30080 on every node
              │   NODE    ADDRESS           READY  CONNECTIONS SERVED
              │   node-1  127.64.0.1:30080  yes    7
              │   node-2  127.64.0.2:30080  no     0
              ▼
              ● ClusterIP 127.65.0.10:80
              ▼
              ● Endpoints (1 of 2 ready)
                  POD    ENDPOINT         NODE    READY  CONNECTIONS SERVED
                  web-1  127.64.1.1:8080  node-1  yes    42
                  web-2  127.64.1.2:8080  node-1  no     0

            Pods that look related:
              pod web-2 is selected but not Ready (readiness probe failing)
              pod web-4 is not selected: it lacks label tier=frontend
              pod web-5 is not selected: has tier=backend, selector wants tier=frontend
            """),
        Arguments.of(
            "ClusterIP without any pod carrying the selector's labels",
            new TraceInput(
                TraceObjects.service("ClusterIP", WEB, TraceObjects.port("", 80, 8080, null)),
                List.of(TraceObjects.pod("web-4", Map.of("app", "web"), true)),
                List.of(),
                List.of(TraceObjects.node("node-1", "127.64.0.1", true)),
                null),
            """
            Service default/web: ClusterIP, selector app=web,tier=frontend

            Port 80/TCP -> target port 8080
              ● ClusterIP 127.65.0.10:80
              ▼
              ● Endpoints: none

            No endpoints: no pod in default has all the selector's labels (app=web,tier=frontend).
            Pods that look related:
              pod web-4 is not selected: it lacks label tier=frontend
            """),
        Arguments.of(
            "NodePort without metrics: no counters column; selected pods none Ready",
            new TraceInput(
                TraceObjects.service("NodePort", WEB, TraceObjects.port("http", 80, 8080, 31000)),
                List.of(TraceObjects.unscheduled("web-1", WEB)),
                List.of(),
                List.of(TraceObjects.node("node-1", "127.64.0.1", true)),
                null),
            """
            Service default/web: NodePort, selector app=web,tier=frontend

            Port http 80/TCP -> target port 8080
              ● NodePort 31000 on every node
              │   NODE    ADDRESS           READY
              │   node-1  127.64.0.1:31000  yes
              ▼
              ● ClusterIP 127.65.0.10:80
              ▼
              ● Endpoints: none

            No endpoints: 1 pod(s) selected, none Ready.
            Pods that look related:
              pod web-1 is selected but not Ready (not scheduled to a node yet)
            """),
        Arguments.of(
            "selected Ready pods that no EndpointSlice lists yet",
            new TraceInput(
                TraceObjects.service("ClusterIP", WEB, TraceObjects.port("", 80, 8080, null)),
                List.of(TraceObjects.pod("web-1", WEB, true)),
                List.of(),
                List.of(),
                null),
            """
            Service default/web: ClusterIP, selector app=web,tier=frontend

            Port 80/TCP -> target port 8080
              ● ClusterIP 127.65.0.10:80
              ▼
              ● Endpoints: none

            No endpoints: 1 pod(s) selected and Ready, but no EndpointSlice lists them yet (is the endpoints controller running?).
            """),
        Arguments.of(
            "a service without a selector",
            new TraceInput(
                TraceObjects.service("ClusterIP", null, TraceObjects.port("", 80, 80, null)),
                List.of(TraceObjects.pod("web-1", WEB, true)),
                List.of(),
                List.of(),
                null),
            """
            Service default/web: ClusterIP, selector <none>

            Port 80/TCP -> target port 80
              ● ClusterIP 127.65.0.10:80
              ▼
              ● Endpoints: none

            The service has no selector: Skiff picks no pods for it; its endpoints are the EndpointSlices written by hand (there are none).
            """),
        Arguments.of(
            "a LoadBalancer still waiting for its address, with every selected pod Ready",
            new TraceInput(
                TraceObjects.service("LoadBalancer", WEB, TraceObjects.port("", 80, 8080, 30001)),
                List.of(TraceObjects.pod("web-1", WEB, true)),
                List.of(TraceObjects.slice("", 8080, new Object[] {"web-1", "127.64.1.1", true})),
                List.of(),
                null),
            """
            Service default/web: LoadBalancer, selector app=web,tier=frontend

            Port 80/TCP -> target port 8080
              ● LoadBalancer ingress
              │   <pending>: no ingress address assigned yet
              ▼
              ● NodePort 30001 on every node
              │   (no nodes)
              ▼
              ● ClusterIP 127.65.0.10:80
              ▼
              ● Endpoints (1 of 1 ready)
                  POD    ENDPOINT         NODE    READY
                  web-1  127.64.1.1:8080  node-1  yes

            Every pod with the selector's labels is Ready.
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void drawsTheTrace(String name, TraceInput input, String expected) {
    assertThat(new TraceRenderer(Colors.OFF).render(input)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aHeadlessServiceHasNoClusterIpStage() {
    Service svc = TraceObjects.service("ClusterIP", WEB, TraceObjects.port("", 80, 8080, null));
    svc.spec().clusterIP = "None";

    String text =
        new TraceRenderer(Colors.OFF)
            .render(new TraceInput(svc, List.of(), List.of(), List.of(), null));

    assertThat(text)
        .contains("● ClusterIP None (headless: DNS answers with the pod IPs; no proxy)");
  }

  @org.junit.jupiter.api.Test
  void coloursOnlyWhenEnabled() {
    TraceInput input =
        new TraceInput(
            TraceObjects.service("ClusterIP", WEB, TraceObjects.port("", 80, 8080, null)),
            List.of(),
            List.of(TraceObjects.slice("", 8080, new Object[] {"web-2", "127.64.1.2", false})),
            List.of(),
            null);

    assertThat(new TraceRenderer(Colors.OFF).render(input)).doesNotContain("\u001B[");
    assertThat(new TraceRenderer(new Colors(true)).render(input))
        .contains("      \u001B[31mweb-2  127.64.1.2:8080");
  }
}
