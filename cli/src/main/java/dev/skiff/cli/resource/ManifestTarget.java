package dev.skiff.cli.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;

/** Where a manifest goes: its kind, namespace and name, checked as kubectl checks them. */
record ManifestTarget(ResourceType type, String namespace, String name) {

  /**
   * @param explicitNamespace the {@code -n} value, or null
   * @param defaultNamespace the session's namespace
   */
  static ManifestTarget of(
      Manifests.Manifest manifest, String explicitNamespace, String defaultNamespace) {
    ObjectNode object = manifest.object();
    String apiVersion = object.path("apiVersion").asText();
    String kind = object.path("kind").asText();
    String name = object.path("metadata").path("name").asText("");
    String own = object.path("metadata").path("namespace").asText("");
    ResourceType type =
        Resources.byApiVersionKind(apiVersion, kind)
            .orElseThrow(
                () ->
                    CliException.failed(
                        "resource mapping not found for name: \""
                            + name
                            + "\" namespace: \""
                            + own
                            + "\" from \""
                            + manifest.source()
                            + "\": no matches for kind \""
                            + kind
                            + "\" in version \""
                            + apiVersion
                            + "\""));
    if (name.isEmpty()) {
      throw CliException.failed(
          "error when retrieving current configuration of a "
              + kind
              + " from \""
              + manifest.source()
              + "\": resource name may not be empty");
    }
    if (!type.namespaced()) {
      return new ManifestTarget(type, null, name);
    }
    if (!own.isEmpty() && explicitNamespace != null && !own.equals(explicitNamespace)) {
      throw CliException.failed(
          "the namespace from the provided object \""
              + own
              + "\" does not match the namespace \""
              + explicitNamespace
              + "\". You must pass '--namespace="
              + own
              + "' to perform this operation.");
    }
    String namespace =
        !own.isEmpty() ? own : explicitNamespace != null ? explicitNamespace : defaultNamespace;
    object.withObject("metadata").put("namespace", namespace);
    return new ManifestTarget(type, namespace, name);
  }
}
