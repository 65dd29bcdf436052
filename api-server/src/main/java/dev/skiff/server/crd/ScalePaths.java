package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A version's scale subresource: where the desired and observed replicas and the selector live.
 *
 * @param labelSelectorPath null when the CRD names none
 */
public record ScalePaths(
    String specReplicasPath, String statusReplicasPath, String labelSelectorPath) {
  static ScalePaths of(JsonNode scale) {
    if (!scale.isObject()) {
      return null;
    }
    String selector = scale.path("labelSelectorPath").asText("");
    return new ScalePaths(
        scale.path("specReplicasPath").asText(".spec.replicas"),
        scale.path("statusReplicasPath").asText(".status.replicas"),
        selector.isEmpty() ? null : selector);
  }
}
