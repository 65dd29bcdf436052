package dev.skiff.agent.pod.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.agent.testing.Pods;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.EnvVarSource;
import dev.skiff.api.model.core.KeySelector;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerEnvTest {
  @Test
  void resolvesFieldRefsAndExpandsAgainstEarlierVariablesAndServices() {
    Pod pod = Pods.pod("web-0", "node-1", c -> {});
    pod.meta().uid = "uid-1";
    pod.meta().labels = Map.of("app", "web");
    List<EnvVar> env = new ArrayList<>();
    env.add(Pods.fieldRef("NAME", "metadata.name"));
    env.add(Pods.fieldRef("NS", "metadata.namespace"));
    env.add(Pods.fieldRef("UID", "metadata.uid"));
    env.add(Pods.fieldRef("NODE", "spec.nodeName"));
    env.add(Pods.fieldRef("IP", "status.podIP"));
    env.add(Pods.fieldRef("HOST", "status.hostIP"));
    env.add(Pods.fieldRef("APP", "metadata.labels['app']"));
    env.add(Pods.env("URL", "http://$(DB_SERVICE_HOST):$(DB_SERVICE_PORT)/$(NAME)/$(LATER)"));
    env.add(Pods.env("LATER", "late"));
    pod.spec().containers.get(0).env = env;

    Map<String, String> result =
        ContainerEnv.build(
            pod,
            pod.spec().containers.get(0),
            Map.of("DB_SERVICE_HOST", "10.0.0.5", "DB_SERVICE_PORT", "5432"),
            "127.1.1.7",
            "127.0.1.1");

    assertThat(result)
        .containsEntry("NAME", "web-0")
        .containsEntry("NS", "default")
        .containsEntry("UID", "uid-1")
        .containsEntry("NODE", "node-1")
        .containsEntry("IP", "127.1.1.7")
        .containsEntry("HOST", "127.0.1.1")
        .containsEntry("APP", "web")
        .containsEntry("URL", "http://10.0.0.5:5432/web-0/$(LATER)")
        .containsEntry("DB_SERVICE_HOST", "10.0.0.5");
  }

  @Test
  void containerVariablesOverrideServiceVariables() {
    Pod pod = Pods.pod("p", "n", c -> c.env = List.of(Pods.env("WEB_SERVICE_HOST", "mine")));
    assertThat(
            ContainerEnv.build(
                pod,
                pod.spec().containers.get(0),
                Map.of("WEB_SERVICE_HOST", "svc"),
                "1.1.1.1",
                "2.2.2.2"))
        .containsEntry("WEB_SERVICE_HOST", "mine");
  }

  @Test
  void anUnresolvableSourceIsACreateContainerConfigError() {
    EnvVar secret = new EnvVar();
    secret.name = "PASSWORD";
    secret.valueFrom = new EnvVarSource();
    secret.valueFrom.secretKeyRef = new KeySelector();
    Pod pod = Pods.pod("p", "n", c -> c.env = List.of(secret));

    assertThatThrownBy(
            () -> ContainerEnv.build(pod, pod.spec().containers.get(0), Map.of(), "ip", "host"))
        .isInstanceOfSatisfying(
            RuntimeFailure.class,
            f -> assertThat(f.reason()).isEqualTo("CreateContainerConfigError"));
  }

  @Test
  void serviceVariablesFollowTheKubeletsNames() {
    Service web =
        service("web-api", "10.96.0.20", port("http", 80, null), port("metrics", 9090, "UDP"));
    Service headless = service("headless", "None", port(null, 80, null));

    Map<String, String> env = ServiceEnv.of(List.of(web, headless));

    assertThat(env)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("WEB_API_SERVICE_HOST", "10.96.0.20"),
                Map.entry("WEB_API_SERVICE_PORT", "80"),
                Map.entry("WEB_API_SERVICE_PORT_HTTP", "80"),
                Map.entry("WEB_API_SERVICE_PORT_METRICS", "9090"),
                Map.entry("WEB_API_PORT", "tcp://10.96.0.20:80"),
                Map.entry("WEB_API_PORT_80_TCP", "tcp://10.96.0.20:80"),
                Map.entry("WEB_API_PORT_80_TCP_PROTO", "tcp"),
                Map.entry("WEB_API_PORT_80_TCP_PORT", "80"),
                Map.entry("WEB_API_PORT_80_TCP_ADDR", "10.96.0.20"),
                Map.entry("WEB_API_PORT_9090_UDP", "udp://10.96.0.20:9090"),
                Map.entry("WEB_API_PORT_9090_UDP_PROTO", "udp"),
                Map.entry("WEB_API_PORT_9090_UDP_PORT", "9090"),
                Map.entry("WEB_API_PORT_9090_UDP_ADDR", "10.96.0.20")));
  }

  private static Service service(String name, String ip, ServicePort... ports) {
    Service s = new Service();
    s.meta().name = name;
    s.meta().namespace = "default";
    s.spec = new dev.skiff.api.model.core.ServiceSpec();
    s.spec.clusterIP = ip;
    s.spec.ports = List.of(ports);
    return s;
  }

  private static ServicePort port(String name, int number, String protocol) {
    ServicePort p = new ServicePort();
    p.name = name;
    p.port = number;
    p.protocol = protocol;
    return p;
  }
}
