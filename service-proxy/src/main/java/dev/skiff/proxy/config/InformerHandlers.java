package dev.skiff.proxy.config;

import dev.skiff.api.client.informer.ResourceEventHandler;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;

/** Adapts informer callbacks to the proxy's narrow handler interfaces. */
public final class InformerHandlers {
  private InformerHandlers() {}

  public static ResourceEventHandler<Service> services(ServiceHandler h) {
    return ResourceEventHandler.of(h::onServiceAdd, h::onServiceUpdate, h::onServiceDelete);
  }

  public static ResourceEventHandler<EndpointSlice> endpointSlices(EndpointSliceHandler h) {
    return ResourceEventHandler.of(
        h::onEndpointSliceAdd, h::onEndpointSliceUpdate, h::onEndpointSliceDelete);
  }

  public static ResourceEventHandler<Node> nodes(NodeHandler h) {
    return ResourceEventHandler.of(h::onNodeAdd, h::onNodeUpdate, h::onNodeDelete);
  }
}
