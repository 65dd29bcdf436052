package dev.skiff.server.controller.job;

import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.core.Pod;
import dev.skiff.server.controller.support.ControlledChildren;
import dev.skiff.server.controller.support.Owners;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import dev.skiff.server.controller.support.Writes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each Job's pods to completion ({@link JobReconciler}) and writes its status; deletes a
 * finished Job whose ttlSecondsAfterFinished has passed (its pods follow by garbage collection).
 * Keys are Job keys; a pod event enqueues its controlling Job.
 */
public final class JobController extends QueueController {
  private final KubeClient client;
  private final EventRecorder events;
  private final Clock clock;
  private final JobReconciler.Options options;
  private final ControlledChildren<Job, Pod> owned;

  public JobController(
      Vertx vertx,
      SharedInformers informers,
      EventRecorder events,
      Clock clock,
      JobReconciler.Options options,
      int workers) {
    super(vertx, "job", workers);
    this.client = informers.client();
    this.events = events;
    this.clock = clock;
    this.options = options;
    Informer<Job> jobs = informers.of(Job.class);
    Informer<Pod> pods = informers.of(Pod.class);
    this.owned = new ControlledChildren<>(client, jobs, pods, Pod.class);
    watch(jobs);
    watch(pods, o -> Owners.controllerKey(o, Job.KIND));
  }

  @Override
  protected Future<Void> sync(String key) {
    Job job = owned.parent(key);
    if (job == null) {
      return Future.succeededFuture();
    }
    JobReconciler.Plan plan =
        JobReconciler.plan(job, owned.controlled(key, job), clock.instant(), options);
    if (plan.requeueAfter() != null) {
      enqueueAfter(key, plan.requeueAfter());
    }
    List<Future<?>> writes = new ArrayList<>();
    plan.create().forEach(index -> writes.add(create(key, job, index)));
    plan.delete()
        .forEach(
            p ->
                writes.add(
                    owned
                        .delete(key, p)
                        .onSuccess(
                            v ->
                                events.normal(
                                    job, "SuccessfulDelete", "Deleted pod: " + p.meta().name))));
    return Future.all(writes)
        .compose(v -> writeStatus(key, job, plan))
        .compose(v -> plan.deleteJob() ? deleteJob(job) : Future.succeededFuture());
  }

  private Future<Pod> create(String key, Job job, int index) {
    return client
        .create(JobPods.podFor(job, index))
        .onSuccess(
            pod -> {
              owned.wrote(key, pod);
              events.normal(job, "SuccessfulCreate", "Created pod: " + pod.meta().name);
            })
        .onFailure(e -> events.warning(job, "FailedCreate", "Error creating: " + e.getMessage()));
  }

  private Future<Void> writeStatus(String key, Job job, JobReconciler.Plan plan) {
    plan.events()
        .forEach(
            e -> {
              if (e.warning()) {
                events.warning(job, e.reason(), e.message());
              } else {
                events.normal(job, e.reason(), e.message());
              }
            });
    if (!JobReconciler.changed(job.status, plan.status())) {
      return Future.succeededFuture();
    }
    Job updated = Json.copy(job, Job.class);
    updated.status = plan.status();
    return owned.writeStatus(key, updated);
  }

  private Future<Void> deleteJob(Job job) {
    return Writes.ignoreNotFound(
            client.delete(
                Job.class,
                job.meta().namespace,
                job.meta().name,
                DeleteOptions.propagation(DeleteOptions.Propagation.Background)
                    .withPreconditions(job.meta().uid, null)))
        .mapEmpty();
  }
}
