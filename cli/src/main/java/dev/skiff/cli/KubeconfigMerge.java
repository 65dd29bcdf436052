package dev.skiff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adds a cluster's kubeconfig to another kubeconfig (usually ~/.kube/config) as cluster, user and
 * context {@code skiff-NAME}, replacing entries of that name, and makes it the current context.
 * Other entries are kept as they are.
 */
final class KubeconfigMerge {
  private KubeconfigMerge() {}

  static void merge(Path clusterConfig, Path target, String entryName) throws IOException {
    ObjectNode source = (ObjectNode) Json.yamlMapper().readTree(clusterConfig.toFile());
    ObjectNode merged =
        Files.exists(target) && Files.size(target) > 0
            ? (ObjectNode) Json.yamlMapper().readTree(target.toFile())
            : emptyConfig();
    JsonNode cluster = first(source, "clusters").get("cluster");
    JsonNode user = first(source, "users").get("user");
    ObjectNode context = Json.mapper().createObjectNode();
    context.put("cluster", entryName).put("user", entryName);
    JsonNode sourceContext = first(source, "contexts").get("context");
    if (sourceContext != null && sourceContext.has("namespace")) {
      context.set("namespace", sourceContext.get("namespace"));
    }
    upsert(merged, "clusters", entryName, "cluster", cluster);
    upsert(merged, "users", entryName, "user", user);
    upsert(merged, "contexts", entryName, "context", context);
    merged.put("current-context", entryName);
    // it holds the cluster's admin token: 0600, as kubectl writes it
    PrivateFiles.writeString(target, Json.yamlMapper().writeValueAsString(merged));
  }

  private static ObjectNode emptyConfig() {
    ObjectNode config = Json.mapper().createObjectNode();
    config.put("apiVersion", "v1").put("kind", "Config");
    config.putArray("clusters");
    config.putArray("users");
    config.putArray("contexts");
    config.putObject("preferences");
    return config;
  }

  private static JsonNode first(ObjectNode config, String list) throws IOException {
    JsonNode items = config.get(list);
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw new IOException("the cluster's kubeconfig has no " + list);
    }
    return items.get(0);
  }

  private static void upsert(
      ObjectNode config, String list, String name, String key, JsonNode value) {
    JsonNode existing = config.get(list);
    ArrayNode items = existing instanceof ArrayNode array ? array : config.putArray(list);
    for (int i = items.size() - 1; i >= 0; i--) {
      if (name.equals(items.get(i).path("name").asText())) {
        items.remove(i);
      }
    }
    ObjectNode entry = items.addObject();
    entry.put("name", name);
    entry.set(key, value);
  }
}
