package dev.skiff.proxy.config;

import dev.skiff.api.model.discovery.EndpointSlice;

/** Receives EndpointSlice changes (kube-proxy's config.EndpointSliceHandler). */
public interface EndpointSliceHandler {
  void onEndpointSliceAdd(EndpointSlice slice);

  void onEndpointSliceUpdate(EndpointSlice oldSlice, EndpointSlice slice);

  void onEndpointSliceDelete(EndpointSlice slice);

  /** The initial list has been delivered. */
  void onEndpointSlicesSynced();
}
