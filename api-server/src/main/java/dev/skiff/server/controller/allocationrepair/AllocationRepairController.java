package dev.skiff.server.controller.allocationrepair;

import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Service;
import dev.skiff.server.alloc.ServiceAllocators;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The allocators' repair loop, run by the leader: after any Service change, and every repair
 * interval, it releases what no stored Service holds (at once for deleted Services, after the grace
 * period otherwise) and re-claims what Services hold without a claim. One key ("all"); the
 * Hazelcast calls run on a worker.
 */
public final class AllocationRepairController extends QueueController {
  private static final String ALL = "all";
  private static final int REMEMBERED_DELETIONS = 10_000;

  private final Informer<Service> services;
  private final AllocationRepair repair;
  private final Set<String> deletedUids = new LinkedHashSet<>();

  public AllocationRepairController(
      Vertx vertx, SharedInformers informers, ServiceAllocators allocators) {
    super(vertx, "allocation-repair", 1);
    this.services = informers.of(Service.class);
    this.repair = new AllocationRepair(allocators);
    services.onDelete(this::deleted);
    watch(services, s -> List.of(ALL));
    enqueueEvery(allocators.options().repairInterval(), () -> List.of(ALL));
  }

  private synchronized void deleted(Service svc) {
    deletedUids.add(svc.meta().uid);
    if (deletedUids.size() > REMEMBERED_DELETIONS) {
      deletedUids.remove(deletedUids.iterator().next());
    }
  }

  private synchronized Set<String> deletedSnapshot() {
    return Set.copyOf(deletedUids);
  }

  @Override
  protected Future<Void> sync(String key) {
    List<Service> snapshot = services.list();
    Set<String> deleted = deletedSnapshot();
    return vertx
        .executeBlocking(() -> repair.repair(snapshot, deleted), false)
        .onSuccess(
            retry -> {
              if (retry >= 0) {
                enqueueAfter(ALL, Duration.ofMillis(retry + 50));
              }
            })
        .mapEmpty();
  }
}
