package dev.skiff.proxy.config;

import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.proxy.model.Snapshot;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The proxy's view of the cluster, fed by the three handlers: the current Services, EndpointSlices
 * and Nodes by key, whether each initial list has arrived, and the trigger times of the endpoint
 * changes not yet programmed. Every change calls {@code changed} (a runner's run()), which later
 * reads {@link #snapshot}: level-based, events only say "something changed".
 */
public final class ProxyState implements ServiceHandler, EndpointSliceHandler, NodeHandler {
  /** Set by the EndpointSlice controller: when the change that produced the slice happened. */
  public static final String TRIGGER_TIME_ANNOTATION =
      "endpoints.kubernetes.io/last-change-trigger-time";

  private final Runnable changed;
  private final Cache<Service> services = new Cache<>();
  private final Cache<EndpointSlice> slices = new Cache<>();
  private final Cache<Node> nodes = new Cache<>();
  private final List<Instant> triggers = new ArrayList<>();

  public ProxyState(Runnable changed) {
    this.changed = changed;
  }

  /** True once Services and EndpointSlices (and Nodes, when {@code needNodes}) have synced. */
  public synchronized boolean synced(boolean needNodes) {
    return services.synced && slices.synced && (nodes.synced || !needNodes);
  }

  public synchronized Snapshot snapshot(SnapshotBuilder builder) {
    return builder.build(services.all(), slices.all(), nodes.all());
  }

  /** The trigger times recorded since the last call. */
  public synchronized List<Instant> takeTriggerTimes() {
    List<Instant> taken = List.copyOf(triggers);
    triggers.clear();
    return taken;
  }

  @Override
  public void onServiceAdd(Service service) {
    services.put(service);
  }

  @Override
  public void onServiceUpdate(Service oldService, Service service) {
    services.put(service);
  }

  @Override
  public void onServiceDelete(Service service) {
    services.remove(service);
  }

  @Override
  public void onServicesSynced() {
    services.markSynced();
  }

  @Override
  public void onEndpointSliceAdd(EndpointSlice slice) {
    trigger(slice);
    slices.put(slice);
  }

  @Override
  public void onEndpointSliceUpdate(EndpointSlice oldSlice, EndpointSlice slice) {
    if (oldSlice != slice) {
      trigger(slice);
    }
    slices.put(slice);
  }

  @Override
  public void onEndpointSliceDelete(EndpointSlice slice) {
    slices.remove(slice);
  }

  @Override
  public void onEndpointSlicesSynced() {
    slices.markSynced();
  }

  @Override
  public void onNodeAdd(Node node) {
    nodes.put(node);
  }

  @Override
  public void onNodeUpdate(Node oldNode, Node node) {
    nodes.put(node);
  }

  @Override
  public void onNodeDelete(Node node) {
    nodes.remove(node);
  }

  @Override
  public void onNodesSynced() {
    nodes.markSynced();
  }

  private synchronized void trigger(EndpointSlice slice) {
    Map<String, String> annotations = slice.meta().annotations;
    String value = annotations == null ? null : annotations.get(TRIGGER_TIME_ANNOTATION);
    if (value != null) {
      try {
        triggers.add(Instant.parse(value));
      } catch (DateTimeParseException ignored) {
        // a malformed annotation only costs one latency sample
      }
    }
  }

  private static String key(KubeObject o) {
    String ns = o.meta().namespace;
    return ns == null || ns.isEmpty() ? o.meta().name : ns + "/" + o.meta().name;
  }

  /**
   * The current objects of one kind by key, and whether their initial list has arrived; guarded by
   * the state's lock. Every change then calls {@code changed}, outside the lock.
   */
  private final class Cache<T extends KubeObject> {
    private final Map<String, T> byKey = new HashMap<>();
    private boolean synced;

    void put(T object) {
      synchronized (ProxyState.this) {
        byKey.put(key(object), object);
      }
      changed.run();
    }

    void remove(T object) {
      synchronized (ProxyState.this) {
        byKey.remove(key(object));
      }
      changed.run();
    }

    void markSynced() {
      synchronized (ProxyState.this) {
        synced = true;
      }
      changed.run();
    }

    /** A copy; call with the state's lock held. */
    List<T> all() {
      return List.copyOf(byKey.values());
    }
  }
}
