package dev.skiff.dns.zone;

import dev.skiff.api.client.workqueue.BoundedFrequencyRunner;
import dev.skiff.api.client.workqueue.Scheduler;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The cluster zone: keeps the cluster state fed through {@link ClusterRecords}, re-synthesizes the
 * records of the Services a change touches, and publishes a new immutable {@link ZoneIndex} on one
 * publisher thread, through a {@link BoundedFrequencyRunner} without a minimum interval: changes
 * arriving while an index is being built are folded into the next one, so a burst costs a few
 * rebuilds, and a single change is visible within about a millisecond.
 */
public final class ClusterZone implements ClusterRecords, ZoneView, AutoCloseable {
  private static final ZoneKey KUBE_DNS = new ZoneKey("kube-system", "kube-dns");

  private final ZoneOptions options;

  /**
   * The runner's longest interval. Its periodic run does nothing unless a change or a flush is
   * pending: the index needs no periodic repair.
   */
  private static final Duration IDLE_RUN = Duration.ofMinutes(10);

  private final ScheduledExecutorService publisher;
  private final BoundedFrequencyRunner runner;
  private final Object lock = new Object();
  private final Map<ZoneKey, ServiceEntry> services = new HashMap<>();
  private final Map<ZoneKey, Map<ZoneKey, EndpointSliceEntry>> slicesByService = new HashMap<>();
  private final Map<ZoneKey, EndpointSliceEntry> slices = new HashMap<>();
  private final Map<ZoneKey, PodEntry> pods = new HashMap<>();
  private final Map<ZoneKey, ServiceFragment> fragments = new HashMap<>();
  private final Set<ZoneKey> dirty = new HashSet<>();
  private final List<CompletableFuture<Void>> flushes = new ArrayList<>();
  private boolean podsDirty;
  private boolean scheduled;
  private long version;
  private volatile ZoneIndex index;
  private volatile boolean synced;

  public ClusterZone(ZoneOptions options) {
    this.options = options;
    this.index = ZoneIndex.empty(options);
    ScheduledThreadPoolExecutor thread =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "skiff-dns-zone");
              t.setDaemon(true);
              return t;
            });
    thread.setRemoveOnCancelPolicy(true); // the runner cancels its idle wake on every change
    this.publisher = thread;
    this.runner =
        new BoundedFrequencyRunner(
            "dns-zone",
            () -> {
              publish();
              return Future.succeededFuture();
            },
            Duration.ZERO,
            IDLE_RUN,
            Scheduler.of(publisher));
    runner.start();
  }

  /** A synced zone holding the snapshot, published before this returns. */
  public static ClusterZone of(ZoneOptions options, ClusterSnapshot snapshot) {
    ClusterZone zone = new ClusterZone(options);
    snapshot.services().forEach(zone::upsertService);
    snapshot.slices().forEach(zone::upsertEndpointSlice);
    snapshot.pods().forEach(zone::upsertPod);
    zone.markSynced();
    zone.flush().join();
    return zone;
  }

  @Override
  public ZoneIndex index() {
    return index;
  }

  @Override
  public boolean synced() {
    return synced;
  }

  public ZoneOptions options() {
    return options;
  }

  @Override
  public void upsertService(ServiceEntry service) {
    change(() -> services.put(service.key(), service), service.key());
  }

  @Override
  public void deleteService(ZoneKey key) {
    change(() -> services.remove(key), key);
  }

  @Override
  public void upsertEndpointSlice(EndpointSliceEntry slice) {
    synchronized (lock) {
      EndpointSliceEntry old = slices.put(slice.key(), slice);
      if (old != null && !old.serviceKey().equals(slice.serviceKey())) {
        detach(old);
      }
      slicesByService
          .computeIfAbsent(slice.serviceKey(), k -> new HashMap<>())
          .put(slice.key(), slice);
      markDirty(slice.serviceKey());
    }
  }

  @Override
  public void deleteEndpointSlice(ZoneKey key) {
    synchronized (lock) {
      EndpointSliceEntry old = slices.remove(key);
      if (old != null) {
        detach(old);
      }
    }
  }

  private void detach(EndpointSliceEntry slice) {
    Map<ZoneKey, EndpointSliceEntry> forService = slicesByService.get(slice.serviceKey());
    if (forService != null) {
      forService.remove(slice.key());
      if (forService.isEmpty()) {
        slicesByService.remove(slice.serviceKey());
      }
    }
    markDirty(slice.serviceKey());
  }

  @Override
  public void upsertPod(PodEntry pod) {
    synchronized (lock) {
      pods.put(pod.key(), pod);
      podsDirty = options.pods() == PodMode.VERIFIED;
      schedule();
    }
  }

  @Override
  public void deletePod(ZoneKey key) {
    synchronized (lock) {
      pods.remove(key);
      podsDirty = options.pods() == PodMode.VERIFIED;
      schedule();
    }
  }

  @Override
  public void markSynced() {
    flush().thenRun(() -> synced = true); // after the publish of what was fed so far
  }

  /** Completes once every change made before this call is visible in {@link #index()}. */
  public CompletableFuture<Void> flush() {
    CompletableFuture<Void> published = new CompletableFuture<>();
    synchronized (lock) {
      flushes.add(published);
      schedule();
    }
    return published;
  }

  private void change(Runnable mutation, ZoneKey serviceKey) {
    synchronized (lock) {
      mutation.run();
      markDirty(serviceKey);
    }
  }

  private void markDirty(ZoneKey serviceKey) {
    dirty.add(serviceKey);
    schedule();
  }

  private void schedule() {
    if (!scheduled) {
      scheduled = true;
      runner.run();
    }
  }

  /** Runs on the publisher thread: one new index holding every change made so far. */
  private void publish() {
    List<ZoneChange> changes = new ArrayList<>();
    PodRecords podRecords = null;
    List<InetAddress> nameservers = new ArrayList<>();
    List<CompletableFuture<Void>> published;
    ZoneIndex current;
    long next;
    synchronized (lock) {
      if (!scheduled) {
        return; // the runner's periodic run, with nothing to publish
      }
      scheduled = false;
      published = List.copyOf(flushes);
      flushes.clear();
      for (ZoneKey key : dirty) {
        ServiceFragment after = compile(key);
        ServiceFragment before = after == null ? fragments.remove(key) : fragments.put(key, after);
        changes.add(
            new ZoneChange(
                key.namespace().toLowerCase(Locale.ROOT),
                key.name().toLowerCase(Locale.ROOT),
                before,
                after));
      }
      dirty.clear();
      if (podsDirty) {
        podRecords = new PodRecords(options, List.copyOf(pods.values()));
        podsDirty = false;
      }
      ServiceEntry kubeDns = services.get(KUBE_DNS);
      if (kubeDns != null) {
        kubeDns.clusterIPs().stream()
            .map(Addresses::parse)
            .filter(a -> a != null)
            .forEach(nameservers::add);
      }
      current = index;
      next = ++version;
    }
    try {
      index =
          current.update(
              next, changes, podRecords == null ? current.pods() : podRecords, nameservers);
    } catch (RuntimeException e) {
      published.forEach(f -> f.completeExceptionally(e));
      throw e; // the runner logs it
    }
    published.forEach(f -> f.complete(null));
  }

  /** The records of a Service as the state now stands, or null when it has none. */
  private ServiceFragment compile(ZoneKey key) {
    ServiceEntry service = services.get(key);
    if (service == null) {
      return null;
    }
    var slicesOfService = slicesByService.getOrDefault(key, Map.of()).values();
    List<Record> records = ServiceRecordSynthesizer.synthesize(service, slicesOfService, options);
    Name base = ServiceRecordSynthesizer.serviceName(service, options.zone());
    return records.isEmpty() || base == null ? null : ServiceFragment.of(records, base);
  }

  @Override
  public void close() {
    runner.stop();
    publisher.shutdownNow();
  }
}
