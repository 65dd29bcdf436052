package dev.skiff.server.alloc;

import dev.skiff.api.client.controller.Controller;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Service;
import dev.skiff.server.controller.support.ManagedController;
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
public final class AllocationController implements ManagedController {
  private static final String ALL = "all";
  private static final int REMEMBERED_DELETIONS = 10_000;

  private final Vertx vertx;
  private final Informer<Service> services;
  private final AllocationRepair repair;
  private final Duration interval;
  private final Set<String> deletedUids = new LinkedHashSet<>();
  private final Controller controller;
  private long timer = -1;

  public AllocationController(
      Vertx vertx, SharedInformers informers, ServiceAllocators allocators) {
    this.vertx = vertx;
    this.services = informers.of(Service.class);
    this.repair = new AllocationRepair(allocators);
    this.interval = allocators.options().repairInterval();
    services.onDelete(this::deleted);
    this.controller = new Controller(vertx, name(), k -> sync()).watch(services, s -> List.of(ALL));
  }

  @Override
  public String name() {
    return "allocation-repair";
  }

  @Override
  public Future<Void> start() {
    return controller
        .start(1)
        .onSuccess(
            v -> {
              controller.enqueue(ALL);
              timer = vertx.setPeriodic(interval.toMillis(), id -> controller.enqueue(ALL));
            });
  }

  @Override
  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    return controller.stop();
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

  private Future<Void> sync() {
    List<Service> snapshot = services.list();
    Set<String> deleted = deletedSnapshot();
    return vertx
        .executeBlocking(() -> repair.repair(snapshot, deleted), false)
        .onSuccess(
            retry -> {
              if (retry >= 0) {
                controller.queue().addAfter(ALL, Duration.ofMillis(retry + 50));
              }
            })
        .mapEmpty();
  }
}
