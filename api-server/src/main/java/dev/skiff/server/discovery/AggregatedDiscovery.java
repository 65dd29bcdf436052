package dev.skiff.server.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * apidiscovery.k8s.io/v2 APIGroupDiscoveryList for {@code /api} (the core group) and {@code /apis}
 * (named groups). Served only with the exact Content-Type client-go parses it by.
 */
public final class AggregatedDiscovery {
  private AggregatedDiscovery() {}

  public static ObjectNode core() {
    Map<String, List<ResourceType>> core = new LinkedHashMap<>();
    core.put("v1", ApiGroups.resources("v1"));
    return list(core);
  }

  public static ObjectNode named() {
    return named(ApiGroups.withCustom(List.of()));
  }

  /** The named groups of {@code groupVersions}, each with its versions, preferred first. */
  public static ObjectNode named(Map<String, List<ResourceType>> groupVersions) {
    Map<String, List<ResourceType>> named = new LinkedHashMap<>(groupVersions);
    named.keySet().removeIf(gv -> !gv.contains("/"));
    return list(named);
  }

  private static ObjectNode list(Map<String, List<ResourceType>> groupVersions) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("kind", "APIGroupDiscoveryList");
    doc.put("apiVersion", "apidiscovery.k8s.io/v2");
    doc.putObject("metadata");
    ArrayNode items = doc.putArray("items");
    Map<String, ArrayNode> versionsByGroup = new LinkedHashMap<>();
    groupVersions.forEach(
        (gv, types) -> {
          ArrayNode versions =
              versionsByGroup.computeIfAbsent(
                  ApiGroups.group(gv),
                  g -> {
                    ObjectNode item = items.addObject();
                    item.putObject("metadata").put("name", g);
                    return item.putArray("versions");
                  });
          ObjectNode version = versions.addObject();
          version.put("version", ApiGroups.version(gv));
          ArrayNode resources = version.putArray("resources");
          types.forEach(t -> resources.add(resource(t)));
          version.put("freshness", "Current");
        });
    return doc;
  }

  private static ObjectNode resource(ResourceType t) {
    ObjectNode r = Json.mapper().createObjectNode();
    r.put("resource", t.plural());
    kind(r.putObject("responseKind"), t.group(), t.version(), t.kind());
    r.put("scope", t.namespaced() ? "Namespaced" : "Cluster");
    r.put("singularResource", t.singular());
    LegacyDiscovery.strings(r.putArray("verbs"), Verbs.of(t));
    if (!t.shortNames().isEmpty()) {
      LegacyDiscovery.strings(r.putArray("shortNames"), t.shortNames());
    }
    if (!t.categories().isEmpty()) {
      LegacyDiscovery.strings(r.putArray("categories"), t.categories());
    }
    List<Subresources.Sub> subs = Subresources.of(t);
    if (!subs.isEmpty()) {
      ArrayNode array = r.putArray("subresources");
      for (Subresources.Sub sub : subs) {
        ObjectNode s = array.addObject();
        s.put("subresource", sub.name());
        kind(s.putObject("responseKind"), sub.group(), sub.version(), sub.kind());
        LegacyDiscovery.strings(s.putArray("verbs"), Verbs.ofSubresource(sub.name()));
      }
    }
    return r;
  }

  private static void kind(ObjectNode node, String group, String version, String kind) {
    node.put("group", group).put("version", version).put("kind", kind);
  }
}
