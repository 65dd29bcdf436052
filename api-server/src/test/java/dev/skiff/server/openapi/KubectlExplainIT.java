package dev.skiff.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.server.kubectl.KubectlCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code kubectl explain} reads the generated OpenAPI v3 schemas. */
class KubectlExplainIT {
  @RegisterExtension static final KubectlCluster cluster = new KubectlCluster();

  @Test
  void explainsPodContainers() {
    String out = cluster.ok("explain", "pods.spec.containers");
    assertThat(out)
        .contains("KIND:       Pod")
        .contains("VERSION:    v1")
        .contains("FIELD: containers <[]Container>")
        .contains("A single application container")
        .containsPattern("image\\s+<string>")
        .containsPattern("name\\s+<string> -required-")
        .containsPattern("ports\\s+<\\[\\]ContainerPort>");
  }

  @Test
  void explainsAServicePortField() {
    String out = cluster.ok("explain", "svc.spec.ports.port");
    assertThat(out)
        .contains("KIND:       Service")
        .contains("FIELD: port <integer>")
        .contains("The port that will be exposed by this service.");
  }

  @Test
  void explainsADeploymentRecursively() {
    String out = cluster.ok("explain", "deployment", "--recursive");
    assertThat(out)
        .contains("KIND:       Deployment")
        .contains("GROUP:      apps")
        .contains("Deployment enables declarative updates")
        .containsPattern("replicas\\s+<integer>")
        .containsPattern("containers\\s+<\\[\\]Container> -required-")
        .containsPattern("creationTimestamp\\s+<string>");
  }

  @Test
  void explainsTheMetricsAndReviewKinds() {
    assertThat(cluster.ok("explain", "podmetrics"))
        .contains("KIND:       PodMetrics")
        .containsPattern("containers\\s+<\\[\\]ContainerMetrics> -required-");
    assertThat(cluster.ok("explain", "selfsubjectaccessreviews.spec"))
        .contains("resourceAttributes");
  }

  @Test
  void anUnknownFieldIsAnError() {
    var r = cluster.kubectl().run("explain", "pods.spec.nosuch");
    assertThat(r.ok()).isFalse();
    assertThat(r.stderr()).contains("nosuch");
  }
}
