package dev.skiff.server.controller.serviceaccount;

import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.ServiceAccount;
import dev.skiff.server.controller.support.ManagedController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes' serviceaccounts-controller ({@link ServiceAccountReconciler}) and
 * root-ca-cert-publisher ({@link RootCaReconciler}, only when a CA bundle is known).
 */
public final class ServiceAccountControllers {
  private ServiceAccountControllers() {}

  /**
   * @param caPem the PEM that verifies the API server's serving certificate, or null
   */
  public static List<ManagedController> create(
      Vertx vertx, SharedInformers informers, String caPem) {
    List<ManagedController> out = new ArrayList<>();
    out.add(
        new NamespaceObjectController<>(
            vertx,
            informers,
            "serviceaccount",
            ServiceAccount.class,
            ServiceAccountReconciler.DEFAULT,
            ServiceAccountReconciler::desired));
    if (caPem != null) {
      out.add(
          new NamespaceObjectController<>(
              vertx,
              informers,
              "root-ca-cert-publisher",
              ConfigMap.class,
              RootCaReconciler.NAME,
              (ns, cm) -> RootCaReconciler.desired(ns, cm, caPem)));
    }
    return out;
  }
}
