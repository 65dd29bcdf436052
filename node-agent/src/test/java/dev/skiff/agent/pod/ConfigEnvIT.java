package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.AgentFixture;
import dev.skiff.agent.testing.Pods;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.EnvFromSource;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.EnvVarSource;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.KeySelector;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Secret;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Variables from ConfigMaps and Secrets on the process runtime, through a real api-server. */
class ConfigEnvIT {
  @RegisterExtension static final AgentFixture cluster = new AgentFixture(15);

  @Test
  void holdsTheContainerInCreateContainerConfigErrorUntilItsConfigMapExists() {
    Pod pod =
        Pods.shell(
            "held", cluster.node().name(), "echo \"greeting=$GREETING user=$DB_USER\"; sleep 600");
    EnvVar greeting = new EnvVar();
    greeting.name = "GREETING";
    greeting.valueFrom = new EnvVarSource();
    greeting.valueFrom.configMapKeyRef = new KeySelector();
    greeting.valueFrom.configMapKeyRef.name = "held-settings";
    greeting.valueFrom.configMapKeyRef.key = "greeting";
    EnvFromSource fromSecret = new EnvFromSource();
    fromSecret.prefix = "DB_";
    fromSecret.secretRef = new EnvFromSource.Ref();
    fromSecret.secretRef.name = "held-db";
    pod.spec().containers.get(0).env = List.of(greeting);
    pod.spec().containers.get(0).envFrom = List.of(fromSecret);
    cluster.pods().create(pod);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "CreateContainerConfigError".equals(cluster.pods().waitingReason("held")));
    ContainerStatus waiting = cluster.pods().container("held");
    assertThat(waiting.state.waiting.message).isEqualTo("secret \"held-db\" not found");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                events("held").stream()
                    .anyMatch(
                        e ->
                            e.reason.equals("Failed")
                                && e.message.equals("Error: secret \"held-db\" not found")));

    Secret secret = new Secret();
    secret.meta().name = "held-db";
    secret.meta().namespace = "default";
    secret.stringData = Map.of("USER", "admin");
    Await.result(cluster.api().client().create(secret));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(cluster.pods().container("held").state.waiting.message)
                    .isEqualTo("configmap \"held-settings\" not found"));

    ConfigMap settings = new ConfigMap();
    settings.meta().name = "held-settings";
    settings.meta().namespace = "default";
    settings.data = Map.of("greeting", "hello");
    Await.result(cluster.api().client().create(settings));

    await().atMost(Duration.ofSeconds(5)).until(() -> cluster.pods().ready("held"));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(cluster.pods().logs("held", Map.of()))
                    .isEqualTo("greeting=hello user=admin\n"));
    assertThat(cluster.pods().container("held").restartCount).isZero();
  }

  private static List<Event> events(String pod) {
    ListOptions about = ListOptions.fieldSelector("involvedObject.name=" + pod);
    return Await.result(cluster.api().client().list(Event.class, "default", about)).items;
  }
}
