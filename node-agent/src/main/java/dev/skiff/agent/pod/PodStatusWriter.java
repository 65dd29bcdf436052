package dev.skiff.agent.pod;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodStatus;
import dev.skiff.api.resource.Resources;
import io.vertx.core.Future;

/**
 * Writes a pod's status with a merge patch of {@code pods/status} (carrying the uid as a
 * precondition), only when it differs from both the stored status and the last one written. Event
 * writes wait while status writes are in flight.
 */
final class PodStatusWriter {
  private final KubeClient client;
  private final PodStartupTrace trace;
  private final EventWrites events;

  PodStatusWriter(KubeClient client, PodStartupTrace trace, EventWrites events) {
    this.client = client;
    this.trace = trace;
    this.events = events;
  }

  Future<Void> write(Pod pod, PodRecord record, PodStatus status) {
    String json = Json.toString(status);
    if (json.equals(record.writtenStatus)
        || json.equals(Json.toString(StatusBuilder.statusOf(pod)))) {
      record.writtenStatus = json;
      return Future.succeededFuture();
    }
    ObjectNode patch = Json.mapper().createObjectNode();
    patch.putObject("metadata").put("uid", pod.meta().uid);
    patch.set("status", Json.tree(status));
    boolean ready = Conditions.isReady(status);
    if (ready) {
      trace.mark(record.uid, PodStartupTrace.Stage.READY_SENT);
    }
    events.statusWriteStarted();
    return client
        .raw()
        .patchSubresource(
            Resources.PODS, pod.meta().namespace, pod.meta().name, "status", PatchType.MERGE, patch)
        .onComplete(ar -> events.statusWriteDone())
        .onSuccess(
            written -> {
              record.writtenStatus = json;
              if (ready) {
                trace.mark(record.uid, PodStartupTrace.Stage.READY_ACKED);
              }
            })
        .<Void>mapEmpty()
        .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }
}
