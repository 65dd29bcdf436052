package dev.skiff.server.controller.cronjob;

import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.batch.CronJob;
import dev.skiff.api.model.batch.CronJobStatus;
import dev.skiff.api.model.batch.Job;
import dev.skiff.server.controller.support.ControlledChildren;
import dev.skiff.server.controller.support.Owners;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates each CronJob's Jobs on its schedule ({@link CronJobReconciler}), deletes replaced Jobs
 * and those beyond the history limits, and writes its status; requeues itself for the next
 * scheduled time. Keys are CronJob keys; a Job event enqueues its controlling CronJob.
 */
public final class CronJobController extends QueueController {
  private final KubeClient client;
  private final EventRecorder events;
  private final Clock clock;
  private final ControlledChildren<CronJob, Job> owned;

  public CronJobController(
      Vertx vertx, SharedInformers informers, EventRecorder events, Clock clock, int workers) {
    super(vertx, "cronjob", workers);
    this.client = informers.client();
    this.events = events;
    this.clock = clock;
    Informer<CronJob> cronJobs = informers.of(CronJob.class);
    Informer<Job> jobs = informers.of(Job.class);
    this.owned = new ControlledChildren<>(client, cronJobs, jobs, Job.class);
    watch(cronJobs);
    watch(jobs, o -> Owners.controllerKey(o, CronJob.KIND));
  }

  @Override
  protected Future<Void> sync(String key) {
    CronJob cj = owned.parent(key);
    if (cj == null) {
      return Future.succeededFuture();
    }
    CronJobReconciler.Plan plan =
        CronJobReconciler.plan(cj, owned.controlled(key, cj), clock.instant());
    if (plan.requeueAfter() != null) {
      enqueueAfter(key, plan.requeueAfter());
    }
    plan.events()
        .forEach(
            e -> events.record(cj, e.warning() ? "Warning" : "Normal", e.reason(), e.message()));
    CronJobStatus status = plan.status();
    List<Future<?>> deletes = new ArrayList<>();
    for (Job job : plan.delete()) {
      deletes.add(
          owned
              .delete(key, job)
              .onSuccess(
                  v -> events.normal(cj, "SuccessfulDelete", "Deleted job " + job.meta().name)));
    }
    return Future.all(deletes)
        .compose(
            v -> plan.create() == null ? Future.succeededFuture() : create(key, cj, plan, status))
        .compose(v -> writeStatus(key, cj, status));
  }

  private Future<Void> create(
      String key, CronJob cj, CronJobReconciler.Plan plan, CronJobStatus status) {
    return client
        .create(plan.create())
        .map(
            job -> {
              owned.wrote(key, job);
              events.normal(cj, "SuccessfulCreate", "Created job " + job.meta().name);
              if (status.active == null) {
                status.active = new ArrayList<>();
              }
              status.active.add(CronJobReconciler.reference(job));
              return (Void) null;
            })
        .recover(
            e -> {
              if (Errors.isAlreadyExists(e)) {
                return Future.succeededFuture();
              }
              events.warning(cj, "FailedCreate", "Error creating job: " + e.getMessage());
              return Future.failedFuture(e);
            });
  }

  private Future<Void> writeStatus(String key, CronJob cj, CronJobStatus status) {
    if (!CronJobReconciler.changed(cj.status, status)) {
      return Future.succeededFuture();
    }
    CronJob updated = Json.copy(cj, CronJob.class);
    updated.status = status;
    return owned.writeStatus(key, updated);
  }
}
