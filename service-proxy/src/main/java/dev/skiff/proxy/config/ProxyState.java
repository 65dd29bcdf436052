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
  private final Map<String, Service> services = new HashMap<>();
  private final Map<String, EndpointSlice> slices = new HashMap<>();
  private final Map<String, Node> nodes = new HashMap<>();
  private final List<Instant> triggers = new ArrayList<>();
  private boolean servicesSynced;
  private boolean slicesSynced;
  private boolean nodesSynced;

  public ProxyState(Runnable changed) {
    this.changed = changed;
  }

  /** True once Services and EndpointSlices (and Nodes, when {@code needNodes}) have synced. */
  public synchronized boolean synced(boolean needNodes) {
    return servicesSynced && slicesSynced && (nodesSynced || !needNodes);
  }

  public synchronized Snapshot snapshot(SnapshotBuilder builder) {
    return builder.build(
        List.copyOf(services.values()), List.copyOf(slices.values()), List.copyOf(nodes.values()));
  }

  /** The trigger times recorded since the last call. */
  public synchronized List<Instant> takeTriggerTimes() {
    List<Instant> taken = List.copyOf(triggers);
    triggers.clear();
    return taken;
  }

  @Override
  public void onServiceAdd(Service service) {
    put(services, service);
  }

  @Override
  public void onServiceUpdate(Service oldService, Service service) {
    put(services, service);
  }

  @Override
  public void onServiceDelete(Service service) {
    remove(services, service);
  }

  @Override
  public void onServicesSynced() {
    synchronized (this) {
      servicesSynced = true;
    }
    changed.run();
  }

  @Override
  public void onEndpointSliceAdd(EndpointSlice slice) {
    trigger(slice);
    put(slices, slice);
  }

  @Override
  public void onEndpointSliceUpdate(EndpointSlice oldSlice, EndpointSlice slice) {
    if (oldSlice != slice) {
      trigger(slice);
    }
    put(slices, slice);
  }

  @Override
  public void onEndpointSliceDelete(EndpointSlice slice) {
    remove(slices, slice);
  }

  @Override
  public void onEndpointSlicesSynced() {
    synchronized (this) {
      slicesSynced = true;
    }
    changed.run();
  }

  @Override
  public void onNodeAdd(Node node) {
    put(nodes, node);
  }

  @Override
  public void onNodeUpdate(Node oldNode, Node node) {
    put(nodes, node);
  }

  @Override
  public void onNodeDelete(Node node) {
    remove(nodes, node);
  }

  @Override
  public void onNodesSynced() {
    synchronized (this) {
      nodesSynced = true;
    }
    changed.run();
  }

  private <T extends KubeObject> void put(Map<String, T> map, T object) {
    synchronized (this) {
      map.put(key(object), object);
    }
    changed.run();
  }

  private <T extends KubeObject> void remove(Map<String, T> map, T object) {
    synchronized (this) {
      map.remove(key(object));
    }
    changed.run();
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
}
