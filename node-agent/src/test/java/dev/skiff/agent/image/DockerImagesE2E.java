package dev.skiff.agent.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.Docker;
import dev.skiff.agent.testing.PodChecks;
import dev.skiff.agent.testing.Pods;
import dev.skiff.agent.testing.TestNode;
import dev.skiff.agent.testing.TestRegistry;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.LocalObjectReference;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.ServiceAccount;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.Await;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images pulled by the real Docker engine from real registries (Debian's docker-registry) on
 * loopback, one without and one with htpasswd authentication: pull policies, the kubelet's events,
 * ErrImagePull and ImagePullBackOff, digests in the status, pull secrets (a Secret made by the real
 * kubectl, and a ServiceAccount's), and one pull for many pods.
 */
class DockerImagesE2E {
  static final int INDEX = 48;
  static final String USER = "puller";
  static final String PASSWORD = "s3cret-pull";

  @TempDir static Path dir;
  static TestApiServer api;
  static TestNode node;
  static PodChecks pods;
  static Kubectl kubectl;
  static TestRegistry open;
  static TestRegistry guarded;

  @BeforeAll
  static void start() {
    Docker.requireEngineAndImages();
    open = TestRegistry.start(dir.resolve("open"));
    guarded = TestRegistry.start(dir.resolve("guarded"), USER, PASSWORD);
    Path kubeconfig = dir.resolve("kubeconfig");
    api = TestApiServer.start(kubeconfig);
    kubectl = Kubectl.in(dir, kubeconfig);
    node =
        Docker.startNode(
            Docker.nodeOptions(api, INDEX, dir)
                .withKubeconfig(kubeconfig)
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4)));
    pods = new PodChecks(api);
  }

  @AfterAll
  static void stop() {
    Docker.stopNode(node);
    if (api != null) {
      api.close();
    }
    if (open != null) {
      open.close();
    }
    if (guarded != null) {
      guarded.close();
    }
  }

  @Test
  void alwaysPullsThroughTheEngineWithTheKubeletsEventsAndReportsTheDigest() {
    String image = open.push(Docker.BUSYBOX, "busybox:1");
    pods.create(pod("always", image, "Always"));

    await().atMost(Duration.ofSeconds(30)).until(() -> pods.ready("always"));
    assertThat(pods.container("always").imageID)
        .startsWith("docker-pullable://" + open.address() + "/busybox@sha256:");
    List<Event> events = pods.events("always");
    assertThat(messages(events, "Pulling")).containsExactly("Pulling image \"" + image + "\"");
    assertThat(messages(events, "Pulled"))
        .singleElement()
        .asString()
        .matches(
            "Successfully pulled image \""
                + image
                + "\" in [0-9.]+m?s \\([0-9.]+m?s including waiting\\)\\. Image size: [1-9][0-9]*"
                + " bytes\\.");
  }

  @Test
  void aMissingImageIsErrImagePullThenImagePullBackOffWithTheEnginesMessage() {
    String image = open.image("absent:1");
    pods.create(pod("missing", image, null));

    List<String> seen = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              String reason = pods.waitingReason("missing");
              if (reason != null && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(reason))) {
                seen.add(reason);
              }
              int first = seen.indexOf("ErrImagePull");
              return first >= 0 && seen.size() - first >= 3;
            });
    assertThat(seen.subList(seen.indexOf("ErrImagePull"), seen.size()))
        .startsWith("ErrImagePull", "ImagePullBackOff", "ErrImagePull");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              List<Event> events = pods.events("missing");
              assertThat(messages(events, "Failed"))
                  .anyMatch(
                      m ->
                          m.startsWith(
                                  "Failed to pull image \""
                                      + image
                                      + "\": Error response from daemon: ")
                              && m.contains("manifest unknown"))
                  .contains("Error: ErrImagePull", "Error: ImagePullBackOff");
              assertThat(messages(events, "BackOff"))
                  .contains("Back-off pulling image \"" + image + "\"");
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "ErrImagePull".equals(pods.waitingReason("missing")));
    assertThat(pods.container("missing").state.waiting.message).contains("manifest unknown");
  }

  @Test
  void neverPolicyWithAnAbsentImageIsErrImageNeverPull() {
    String image = open.image("never:1");
    pods.create(pod("never", image, "Never"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "ErrImageNeverPull".equals(pods.waitingReason("never")));
    String message = "Container image \"" + image + "\" is not present with pull policy of Never";
    assertThat(pods.container("never").state.waiting.message).isEqualTo(message);
    assertThat(messages(pods.events("never"), "ErrImageNeverPull")).contains(message);
    assertThat(pods.events("never")).noneMatch(e -> e.reason.equals("Pulling"));
  }

  @Test
  void aRegistryWithAuthenticationRefusesAPodWithoutPullSecret() {
    String image = guarded.push(Docker.BUSYBOX, "busybox:anonymous");
    pods.create(pod("anonymous", image, null));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              String reason = pods.waitingReason("anonymous"); // null until the first status
              return "ErrImagePull".equals(reason) || "ImagePullBackOff".equals(reason);
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(messages(pods.events("anonymous"), "Failed"))
                    .anyMatch(
                        m ->
                            m.startsWith("Failed to pull image \"" + image + "\": ")
                                && m.contains("no basic auth credentials")));
  }

  @Test
  void aDockerConfigJsonSecretFromKubectlLetsThePodPull() {
    String image = guarded.push(Docker.BUSYBOX, "busybox:secret");
    createPullSecret("regcred", PASSWORD);
    createPullSecret("wrongcred", "not-the-password");

    pods.create(pod("withsecret", image, null, p -> p.spec().imagePullSecrets = refs("regcred")));
    // Always: it must pull each time, even once the other pod has brought the image in
    pods.create(
        pod("wrongsecret", image, "Always", p -> p.spec().imagePullSecrets = refs("wrongcred")));

    await().atMost(Duration.ofSeconds(30)).until(() -> pods.ready("withsecret"));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(messages(pods.events("wrongsecret"), "Failed"))
                    .anyMatch(
                        m ->
                            m.startsWith("Failed to pull image \"" + image + "\": ")
                                && m.contains("unauthorized")));
    assertThat(pods.ready("wrongsecret")).isFalse();
  }

  @Test
  void theServiceAccountsPullSecretsAreCopiedIntoThePodAndUsed() {
    String image = guarded.push(Docker.BUSYBOX, "busybox:account");
    createPullSecret("sacred", PASSWORD);
    ServiceAccount sa = new ServiceAccount();
    sa.meta().name = "puller";
    sa.meta().namespace = "default";
    sa.imagePullSecrets = refs("sacred");
    Await.result(api.client().create(sa));

    Pod created =
        pods.create(
            pod(
                "viaaccount",
                image,
                null,
                p -> {
                  p.spec().serviceAccountName = "puller";
                  p.spec().automountServiceAccountToken = false;
                }));

    assertThat(created.spec().imagePullSecrets).extracting(r -> r.name).containsExactly("sacred");
    await().atMost(Duration.ofSeconds(30)).until(() -> pods.ready("viaaccount"));
  }

  @Test
  void podsAskingForOneImageAtOnceShareOneEnginePull() {
    String image = open.push(Docker.BUSYBOX, "busybox:shared");
    Instant since = Instant.now().minusSeconds(1);
    // the registry holds every request until all four pods are pulling
    open.freeze();
    try {
      for (int i = 0; i < 4; i++) {
        pods.create(pod("shared-" + i, image, "Always"));
      }
      for (int i = 0; i < 4; i++) {
        String name = "shared-" + i;
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> !messages(pods.events(name), "Pulling").isEmpty());
      }
    } finally {
      open.thaw();
    }

    for (int i = 0; i < 4; i++) {
      String name = "shared-" + i;
      await().atMost(Duration.ofSeconds(30)).until(() -> pods.ready(name));
      assertThat(messages(pods.events(name), "Pulled"))
          .singleElement()
          .asString()
          .startsWith("Successfully pulled image \"" + image + "\"");
    }
    ProcessResult pulls =
        dev.skiff.testing.Processes.run(
            Duration.ofSeconds(30),
            "docker",
            "events",
            "--since",
            Long.toString(since.getEpochSecond()),
            "--until",
            Long.toString(Instant.now().getEpochSecond() + 1),
            "--filter",
            "type=image",
            "--filter",
            "event=pull",
            "--format",
            "{{.Actor.ID}}");
    assertThat(pulls.stdout().lines().filter(image::equals)).hasSize(1);
  }

  private static void createPullSecret(String name, String password) {
    ProcessResult created =
        kubectl.run(
            "create",
            "secret",
            "docker-registry",
            name,
            "--docker-server=" + guarded.address(),
            "--docker-username=" + USER,
            "--docker-password=" + password);
    assertThat(created.ok()).as(created.toString()).isTrue();
  }

  private static List<LocalObjectReference> refs(String name) {
    LocalObjectReference ref = new LocalObjectReference();
    ref.name = name;
    return List.of(ref);
  }

  private static Pod pod(String name, String image, String policy) {
    return pod(name, image, policy, p -> {});
  }

  private static Pod pod(String name, String image, String policy, Consumer<Pod> more) {
    Pod pod =
        Pods.pod(
            name,
            node.name(),
            c -> {
              c.image = image;
              c.imagePullPolicy = policy;
              c.command = List.of("sh", "-c", "sleep 600");
            });
    more.accept(pod);
    return pod;
  }

  private static List<String> messages(List<Event> events, String reason) {
    return events.stream().filter(e -> reason.equals(e.reason)).map(e -> e.message).toList();
  }
}
