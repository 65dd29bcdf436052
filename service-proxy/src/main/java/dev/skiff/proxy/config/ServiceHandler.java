package dev.skiff.proxy.config;

import dev.skiff.api.model.core.Service;

/** Receives Service changes (kube-proxy's config.ServiceHandler). */
public interface ServiceHandler {
  void onServiceAdd(Service service);

  void onServiceUpdate(Service oldService, Service service);

  void onServiceDelete(Service service);

  /** The initial list has been delivered. */
  void onServicesSynced();
}
