package dev.skiff.agent.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a runtime knows of its pods, the part of {@link ContainerRuntime} every runtime answers the
 * same way: sandboxes by pod uid, container instances by id ({@code C}: the runtime's own record of
 * one, read through {@code info}), and the listeners told when a pod changes. Thread-safe.
 */
public final class PodInventory<C> {
  private final Function<C, ContainerInfo> info;
  private final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();
  private final Map<String, C> containers = new ConcurrentHashMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  public PodInventory(Function<C, ContainerInfo> info) {
    this.info = info;
  }

  /** Sandboxes by pod uid (the runtime adds and removes them). */
  public Map<String, Sandbox> sandboxes() {
    return sandboxes;
  }

  /** Container instances by id (the runtime adds and removes them). */
  public Map<String, C> containers() {
    return containers;
  }

  /** The pod's container instances, oldest attempt first ({@link ContainerRuntime#containers}). */
  public List<ContainerInfo> containers(String podUid) {
    List<ContainerInfo> list = new ArrayList<>();
    for (C c : containers.values()) {
      ContainerInfo i = info.apply(c);
      if (podUid.equals(i.podUid())) {
        list.add(i);
      }
    }
    list.sort(Comparator.comparingInt(ContainerInfo::attempt));
    return list;
  }

  /** Every pod with a sandbox or a container ({@link ContainerRuntime#podUids}). */
  public Set<String> podUids() {
    Set<String> uids = new HashSet<>(sandboxes.keySet());
    containers.values().forEach(c -> uids.add(info.apply(c).podUid()));
    return uids;
  }

  public void onPodChange(Consumer<String> listener) {
    listeners.add(listener);
  }

  /** Tells the listeners that pod {@code podUid} changed. */
  public void changed(String podUid) {
    listeners.forEach(l -> l.accept(podUid));
  }
}
