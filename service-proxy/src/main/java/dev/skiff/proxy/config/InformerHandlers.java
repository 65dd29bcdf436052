package dev.skiff.proxy.config;

import dev.skiff.api.client.informer.ResourceEventHandler;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;

/** Adapts informer callbacks to the proxy's narrow handler interfaces. */
public final class InformerHandlers {
  private InformerHandlers() {}

  public static ResourceEventHandler<Service> services(ServiceHandler h) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Service object) {
        h.onServiceAdd(object);
      }

      @Override
      public void onUpdate(Service oldObject, Service newObject) {
        h.onServiceUpdate(oldObject, newObject);
      }

      @Override
      public void onDelete(Service object) {
        h.onServiceDelete(object);
      }
    };
  }

  public static ResourceEventHandler<EndpointSlice> endpointSlices(EndpointSliceHandler h) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(EndpointSlice object) {
        h.onEndpointSliceAdd(object);
      }

      @Override
      public void onUpdate(EndpointSlice oldObject, EndpointSlice newObject) {
        h.onEndpointSliceUpdate(oldObject, newObject);
      }

      @Override
      public void onDelete(EndpointSlice object) {
        h.onEndpointSliceDelete(object);
      }
    };
  }

  public static ResourceEventHandler<Node> nodes(NodeHandler h) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Node object) {
        h.onNodeAdd(object);
      }

      @Override
      public void onUpdate(Node oldObject, Node newObject) {
        h.onNodeUpdate(oldObject, newObject);
      }

      @Override
      public void onDelete(Node object) {
        h.onNodeDelete(object);
      }
    };
  }
}
