package dev.skiff.proxy.config;

import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.model.core.Service;
import dev.skiff.proxy.dataplane.DataPlaneEvents;
import dev.skiff.proxy.dataplane.ListenerKey;
import dev.skiff.proxy.model.ServicePortName;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Tells a Service's users when one of its listeners cannot bind (a port another process holds, an
 * address that is not local): a Warning Event {@code FailedToBindPort} on the Service, once per
 * failing streak of a listener (the data plane retries on every sync; the Event is written again
 * only after the listener bound or closed in between). Passes every event on to {@code next}.
 * Called on the data plane's context.
 */
public final class BindFailureEvents implements DataPlaneEvents {
  public static final String REASON = "FailedToBindPort";

  private final EventRecorder recorder;
  private final BiFunction<String, String, Service> services;
  private final String where;
  private final DataPlaneEvents next;
  private final Set<ListenerKey> failing = new HashSet<>();

  /**
   * @param services the Service by namespace and name (the informer cache), null when gone
   * @param where who is reporting, for the message ("node-1", "the load balancer")
   */
  public BindFailureEvents(
      EventRecorder recorder,
      BiFunction<String, String, Service> services,
      String where,
      DataPlaneEvents next) {
    this.recorder = recorder;
    this.services = services;
    this.where = where;
    this.next = next;
  }

  @Override
  public void listenerBound(ListenerKey key) {
    failing.remove(key);
    next.listenerBound(key);
  }

  @Override
  public void bindFailed(ListenerKey key, ServicePortName service, Throwable cause) {
    if (failing.add(key)) {
      Service svc = services.apply(service.namespace(), service.name());
      if (svc != null) {
        recorder.warning(
            svc,
            REASON,
            where
                + ": cannot listen on "
                + key
                + " for port "
                + (service.port().isEmpty() ? "(unnamed)" : service.port())
                + ": "
                + cause.getMessage()
                + "; retrying on every sync");
      }
    }
    next.bindFailed(key, service, cause);
  }

  @Override
  public void listenerClosed(ListenerKey key) {
    failing.remove(key);
    next.listenerClosed(key);
  }
}
