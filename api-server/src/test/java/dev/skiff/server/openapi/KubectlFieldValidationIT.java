package dev.skiff.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.server.kubectl.KubectlCluster;
import dev.skiff.testing.ProcessResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kubectl apply --validate=...} with a field the kind does not have: kubectl leaves
 * validation to the server (the v3 documents declare fieldValidation), which checks the body
 * against the generated schemas.
 */
class KubectlFieldValidationIT {
  @RegisterExtension static final KubectlCluster cluster = new KubectlCluster();

  private static String pod(String name, String extra) {
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: "
        + name
        + "\nspec:\n  containers:\n  - name: main\n    image: skiff/busybox:1\n"
        + extra;
  }

  @Test
  void strictRejectsAnUnknownFieldWithItsPath() {
    ProcessResult r =
        cluster.kubectl().runWithInput(pod("strict", "    colour: blue\n"), "apply", "-f", "-");
    assertThat(r.ok()).as(r.toString()).isFalse();
    assertThat(r.stderr())
        .contains("BadRequest")
        .contains("strict decoding error: unknown field \"spec.containers[0].colour\"");
    assertThat(cluster.kubectl().run("get", "pod", "strict").ok()).isFalse();
  }

  @Test
  void strictRejectsAnUnknownFieldInAPatchOfAnExistingObject() {
    cluster.kubectl().runWithInput(pod("patched", ""), "apply", "-f", "-");
    ProcessResult r =
        cluster.kubectl().runWithInput(pod("patched", "  colour: blue\n"), "apply", "-f", "-");
    assertThat(r.ok()).as(r.toString()).isFalse();
    assertThat(r.stderr()).contains("unknown field \"spec.colour\"");
  }

  @Test
  void warnAppliesAndWarns() {
    ProcessResult r =
        cluster
            .kubectl()
            .runWithInput(pod("warned", "  colour: blue\n"), "apply", "--validate=warn", "-f", "-");
    assertThat(r.ok()).as(r.toString()).isTrue();
    assertThat(r.stderr()).contains("unknown field \"spec.colour\"");
  }

  @Test
  void ignoreAndKnownFieldsPass() {
    assertThat(
            cluster
                .kubectl()
                .runWithInput(
                    pod("ignored", "  colour: blue\n"), "apply", "--validate=false", "-f", "-")
                .ok())
        .isTrue();
    String known =
        pod(
            "known",
            "    env:\n    - name: A\n      value: b\n    resources:\n      limits:\n        cpu: 100m\n"
                + "    securityContext:\n      runAsUser: 1000\n  nodeSelector:\n    disk: ssd\n");
    ProcessResult r = cluster.kubectl().runWithInput(known, "apply", "-f", "-");
    assertThat(r.ok()).as(r.toString()).isTrue();
  }
}
