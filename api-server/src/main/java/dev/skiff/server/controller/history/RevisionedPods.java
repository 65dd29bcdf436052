package dev.skiff.server.controller.history;

import dev.skiff.api.Json;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.server.controller.support.ControlledChildren;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a workload with revisions (StatefulSet, DaemonSet) controls, its pods and its
 * ControllerRevisions, and the writes of one pass the two controllers do alike: the update revision
 * first, then pod creations and deletions with their events, then revisions beyond the history
 * limit, then the status. Keys are parent keys.
 */
public final class RevisionedPods<P extends KubeObject> {
  /** The event texts of the parent's kind. */
  public interface PodEvents {
    String created(Pod pod);

    String deleted(Pod pod);

    String failed(String verb, Pod pod, Throwable error);
  }

  private final KubeClient client;
  private final boolean showTerminating;
  private final EventRecorder events;
  private final PodEvents texts;
  private final ControlledChildren<P, Pod> pods;
  private final ControlledChildren<P, ControllerRevision> revisions;

  /**
   * @param showTerminating whether a deleted pod stays in view (as the cache has it) until it is
   *     gone, as a StatefulSet needs; otherwise it leaves the view at once
   */
  public RevisionedPods(
      SharedInformers informers,
      Class<P> type,
      EventRecorder events,
      PodEvents texts,
      boolean showTerminating) {
    this.client = informers.client();
    this.showTerminating = showTerminating;
    this.events = events;
    this.texts = texts;
    this.pods =
        new ControlledChildren<>(client, informers.of(type), informers.of(Pod.class), Pod.class);
    this.revisions =
        new ControlledChildren<>(
            client,
            informers.of(type),
            informers.of(ControllerRevision.class),
            ControllerRevision.class);
  }

  /** The parent to reconcile, or null (gone or being deleted). */
  public P parent(String key) {
    P parent = pods.parent(key);
    return parent == null || revisions.parent(key) == null ? null : parent;
  }

  public List<Pod> pods(String key, P parent) {
    return pods.controlled(key, parent);
  }

  public List<ControllerRevision> revisions(String key, P parent) {
    return revisions.controlled(key, parent);
  }

  /** The writes of one pass; the status is written last, when it changed. */
  public Future<Void> write(
      String key,
      P parent,
      History.Next revision,
      List<Pod> create,
      List<Pod> delete,
      List<ControllerRevision> deleteRevisions) {
    Future<Void> first =
        revision.write() == null
            ? Future.succeededFuture()
            : revisions.write(key, revision.write(), revision.create()).mapEmpty();
    return first.compose(v -> writePods(key, parent, create, delete, deleteRevisions));
  }

  private Future<Void> writePods(
      String key,
      P parent,
      List<Pod> create,
      List<Pod> delete,
      List<ControllerRevision> deleteRevisions) {
    List<Future<?>> writes = new ArrayList<>();
    for (Pod pod : create) {
      writes.add(
          client
              .create(pod)
              .onSuccess(
                  created -> {
                    pods.wrote(key, created);
                    events.normal(parent, "SuccessfulCreate", texts.created(created));
                  })
              .onFailure(
                  e -> events.warning(parent, "FailedCreate", texts.failed("create", pod, e))));
    }
    for (Pod pod : delete) {
      writes.add(
          (showTerminating ? pods.deleteShown(pod) : pods.delete(key, pod))
              .onSuccess(v -> events.normal(parent, "SuccessfulDelete", texts.deleted(pod)))
              .onFailure(
                  e -> events.warning(parent, "FailedDelete", texts.failed("delete", pod, e))));
    }
    deleteRevisions.forEach(r -> writes.add(revisions.delete(key, r)));
    return Future.all(writes).mapEmpty();
  }

  /**
   * Writes the parent's status when {@code next} differs from {@code current} (compared as JSON):
   * {@code updated} gives the parent carrying {@code next}.
   */
  public Future<Void> writeStatus(String key, Object current, Object next, Supplier<P> updated) {
    if (current != null
        && Json.mapper().valueToTree(current).equals(Json.mapper().valueToTree(next))) {
      return Future.succeededFuture();
    }
    return pods.writeStatus(key, updated.get());
  }
}
