package dev.skiff.server.controller.serviceaccount;

import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Namespace;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The root-ca-cert-publisher's rule: every active namespace has a ConfigMap {@code
 * kube-root-ca.crt} whose {@code ca.crt} is the bundle that verifies the API server's serving
 * certificate, with Kubernetes' description annotation; a changed or deleted one is restored.
 */
public final class RootCaReconciler {
  public static final String NAME = "kube-root-ca.crt";
  public static final String KEY = "ca.crt";
  static final String DESCRIPTION_KEY = "kubernetes.io/description";
  static final String DESCRIPTION =
      "Contains a CA bundle that can be used to verify the kube-apiserver when using internal"
          + " endpoints such as the internal service IP or kubernetes.default.svc. No other usage"
          + " is guaranteed across distributions of Kubernetes clusters.";

  private RootCaReconciler() {}

  /** The ConfigMap to create or update, or null when {@code current} is right. */
  public static ConfigMap desired(Namespace namespace, ConfigMap current, String caPem) {
    if (terminating(namespace)) {
      return null;
    }
    boolean described =
        current != null
            && current.meta().annotations != null
            && DESCRIPTION.equals(current.meta().annotations.get(DESCRIPTION_KEY));
    if (current != null
        && described
        && current.data != null
        && current.data.size() == 1
        && caPem.equals(current.data.get(KEY))
        && current.binaryData == null) {
      return null;
    }
    ConfigMap cm = new ConfigMap();
    if (current != null) {
      cm.meta().resourceVersion = current.meta().resourceVersion;
      cm.meta().labels = current.meta().labels;
      cm.meta().annotations = current.meta().annotations;
    }
    cm.meta().name = NAME;
    cm.meta().namespace = namespace.meta().name;
    Map<String, String> annotations =
        cm.meta().annotations == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(cm.meta().annotations);
    annotations.put(DESCRIPTION_KEY, DESCRIPTION);
    cm.meta().annotations = annotations;
    cm.data = Map.of(KEY, caPem);
    return cm;
  }

  static boolean terminating(Namespace namespace) {
    return namespace.meta().deletionTimestamp != null
        || (namespace.status != null && "Terminating".equals(namespace.status.phase));
  }
}
