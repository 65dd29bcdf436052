package dev.skiff.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.server.kubectl.KubectlCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kubectl auth whoami} and {@code kubectl auth can-i} (which POST protobuf reviews) against
 * a real api-server replica: every caller with the cluster token is the admin.
 */
class KubectlAuthIT {
  @RegisterExtension static final KubectlCluster cluster = new KubectlCluster();

  @Test
  void whoamiNamesTheAdminAndItsGroups() {
    assertThat(cluster.ok("auth", "whoami"))
        .contains("kubernetes-admin")
        .contains("system:masters")
        .contains("system:authenticated");
  }

  @Test
  void whoamiAsJsonIsASelfSubjectReview() {
    assertThat(cluster.ok("auth", "whoami", "-o", "json"))
        .contains("\"kind\": \"SelfSubjectReview\"")
        .contains("\"username\": \"kubernetes-admin\"");
  }

  @Test
  void canIAnswersYesForTheAdmin() {
    for (String[] args :
        new String[][] {
          {"auth", "can-i", "get", "pods"},
          {"auth", "can-i", "create", "deployments.apps", "-n", "kube-system"},
          {"auth", "can-i", "delete", "nodes"},
          {"auth", "can-i", "get", "/healthz"},
          {"auth", "can-i", "*", "*"}
        }) {
      assertThat(cluster.ok(args).trim()).as(String.join(" ", args)).isEqualTo("yes");
    }
  }

  @Test
  void canIListShowsTheAdminMayDoEverything() {
    assertThat(cluster.ok("auth", "can-i", "--list"))
        .contains("Resources")
        .contains("*.*")
        .contains("[*]");
  }

  @Test
  void discoveryListsTheReviewsAsCreateOnly() {
    String resources =
        cluster.ok("api-resources", "-o", "wide", "--api-group=authorization.k8s.io");
    assertThat(resources)
        .containsPattern(
            "selfsubjectaccessreviews\\s+authorization.k8s.io/v1\\s+false\\s+SelfSubjectAccessReview\\s+create")
        .containsPattern(
            "selfsubjectrulesreviews\\s+authorization.k8s.io/v1\\s+false\\s+SelfSubjectRulesReview\\s+create");
  }
}
