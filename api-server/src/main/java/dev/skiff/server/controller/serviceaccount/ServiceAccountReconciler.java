package dev.skiff.server.controller.serviceaccount;

import dev.skiff.api.model.core.Namespace;
import dev.skiff.api.model.core.ServiceAccount;

/**
 * The serviceaccounts-controller's rule: every active namespace has a ServiceAccount named {@code
 * default}; one that is deleted is created again. An existing one is never changed.
 */
public final class ServiceAccountReconciler {
  public static final String DEFAULT = "default";

  private ServiceAccountReconciler() {}

  /** The ServiceAccount to create, or null when there is nothing to do. */
  public static ServiceAccount desired(Namespace namespace, ServiceAccount current) {
    if (current != null || RootCaReconciler.terminating(namespace)) {
      return null;
    }
    ServiceAccount sa = new ServiceAccount();
    sa.meta().name = DEFAULT;
    sa.meta().namespace = namespace.meta().name;
    return sa;
  }
}
