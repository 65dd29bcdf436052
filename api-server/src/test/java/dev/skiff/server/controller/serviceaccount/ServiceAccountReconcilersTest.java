package dev.skiff.server.controller.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.api.model.core.ServiceAccount;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceAccountReconcilersTest {
  private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

  @Test
  void createsTheDefaultServiceAccountOfAnActiveNamespaceOnlyWhenMissing() {
    ServiceAccount created = ServiceAccountReconciler.desired(namespace("team", false), null);
    assertThat(created.meta().name).isEqualTo("default");
    assertThat(created.meta().namespace).isEqualTo("team");

    assertThat(ServiceAccountReconciler.desired(namespace("team", false), created)).isNull();
    assertThat(ServiceAccountReconciler.desired(namespace("team", true), null)).isNull();
  }

  @Test
  void publishesTheRootCaWithKubernetesDescription() {
    ConfigMap cm = RootCaReconciler.desired(namespace("team", false), null, CA);

    assertThat(cm.meta().name).isEqualTo("kube-root-ca.crt");
    assertThat(cm.meta().namespace).isEqualTo("team");
    assertThat(cm.data).containsExactly(Map.entry("ca.crt", CA));
    assertThat(cm.meta().annotations)
        .containsEntry("kubernetes.io/description", RootCaReconciler.DESCRIPTION);
    assertThat(RootCaReconciler.desired(namespace("team", false), cm, CA)).isNull();
    assertThat(RootCaReconciler.desired(namespace("team", true), null, CA)).isNull();
  }

  @Test
  void restoresAChangedRootCaKeepingResourceVersionAndLabels() {
    ConfigMap edited = RootCaReconciler.desired(namespace("team", false), null, CA);
    edited.meta().resourceVersion = "42";
    edited.meta().labels = Map.of("a", "b");
    edited.data = Map.of("ca.crt", "tampered", "extra", "x");

    ConfigMap restored = RootCaReconciler.desired(namespace("team", false), edited, CA);

    assertThat(restored.data).containsExactly(Map.entry("ca.crt", CA));
    assertThat(restored.meta().resourceVersion).isEqualTo("42");
    assertThat(restored.meta().labels).containsEntry("a", "b");
  }

  private static Namespace namespace(String name, boolean terminating) {
    Namespace ns = new Namespace();
    ns.meta().name = name;
    ns.status().phase = terminating ? "Terminating" : "Active";
    return ns;
  }
}
