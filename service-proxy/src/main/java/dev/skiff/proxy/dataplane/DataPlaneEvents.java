package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.model.ServicePortName;

/** What a data plane reports while it reprograms; called on the data plane's context. */
public interface DataPlaneEvents {
  DataPlaneEvents NONE = new DataPlaneEvents() {};

  default void listenerBound(ListenerKey key) {}

  /**
   * A listener of {@code service} could not bind (address in use, address not local, ...); retried
   * next sync.
   */
  default void bindFailed(ListenerKey key, ServicePortName service, Throwable cause) {}

  default void listenerClosed(ListenerKey key) {}
}
