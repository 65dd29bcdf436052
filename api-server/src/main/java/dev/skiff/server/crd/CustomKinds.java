package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.model.meta.WatchEvent;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.store.Store;
import dev.skiff.server.store.StoreEvent;
import dev.skiff.server.store.WatchRequest;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's served custom kinds, one per CustomResourceDefinition, fed by a store watch (so a
 * CRD written on any replica is served by all) and by this replica's own CRD writes at once (so the
 * client that created a CRD finds its kind in discovery on its next request). Thread-safe: read by
 * every request.
 */
public final class CustomKinds {
  private static final Logger LOG = LoggerFactory.getLogger(CustomKinds.class);
  private static final long RETRY_MILLIS = 1_000;

  private final Map<String, CustomKind> byName = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile Consumer<CustomKind> onTerminating = k -> {};

  /** The served type of {@code group/version/plural}, if an established CRD defines it. */
  public Optional<ResourceType> find(String group, String version, String plural) {
    if (group.isEmpty()) {
      return Optional.empty();
    }
    for (CustomKind k : byName.values()) {
      if (k.established() && k.group().equals(group) && k.plural().equals(plural)) {
        return k.served(version);
      }
    }
    return Optional.empty();
  }

  /**
   * Every served type of every established CRD, by group, then version in priority order (so
   * discovery lists a group's preferred version first), then resource.
   */
  public List<ResourceType> types() {
    List<ResourceType> out = new ArrayList<>();
    byName.values().stream()
        .filter(CustomKind::established)
        .forEach(k -> out.addAll(k.servedTypes()));
    out.sort(
        Comparator.comparing(ResourceType::group)
            .thenComparing(ResourceType::version, VersionPriority.ORDER)
            .thenComparing(ResourceType::plural));
    return out;
  }

  public Collection<CustomKind> all() {
    return List.copyOf(byName.values());
  }

  public Optional<CustomKind> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Changes with every change of the served kinds: the key of caches derived from them. */
  public long generation() {
    return generation.get();
  }

  /** Serves (or updates) the kind a stored CustomResourceDefinition defines. */
  public void apply(ObjectNode crd) {
    CustomKind kind = CustomKind.of(crd);
    CustomKind before = byName.put(kind.name(), kind);
    if (!kind.equals(before)) {
      generation.incrementAndGet();
    }
    if (kind.terminating()) {
      onTerminating.accept(kind);
    }
  }

  public void remove(String name) {
    if (byName.remove(name) != null) {
      generation.incrementAndGet();
    }
  }

  /** Runs {@code action} (on the watch's context) for every terminating CRD seen. */
  public void onTerminating(Consumer<CustomKind> action) {
    this.onTerminating = action;
  }

  /** Starts (and keeps re-starting) the watch of CustomResourceDefinitions. */
  public void start(Vertx vertx, Store store) {
    store
        .watch(
            new WatchRequest(Resources.CUSTOMRESOURCEDEFINITIONS.qualifiedName(), null, 0, null),
            this::onEvent,
            v -> vertx.setTimer(RETRY_MILLIS, id -> start(vertx, store)))
        .onFailure(
            e -> {
              LOG.warn("CustomResourceDefinition watch failed, retrying: {}", e.toString());
              vertx.setTimer(RETRY_MILLIS, id -> start(vertx, store));
            });
  }

  private void onEvent(StoreEvent event) {
    if (WatchEvent.DELETED.equals(event.type())) {
      remove(event.key().name());
    } else {
      apply(event.object());
    }
  }
}
