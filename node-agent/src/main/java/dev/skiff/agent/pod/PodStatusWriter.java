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
 * precondition), only when it differs from both the stored status and the last one written.
 */
final class PodStatusWriter {
  private final KubeClient client;

  PodStatusWriter(KubeClient client) {
    this.client = client;
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
    return client
        .raw()
        .patchSubresource(
            Resources.PODS, pod.meta().namespace, pod.meta().name, "status", PatchType.MERGE, patch)
        .onSuccess(written -> record.writtenStatus = json)
        .<Void>mapEmpty()
        .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }
}
