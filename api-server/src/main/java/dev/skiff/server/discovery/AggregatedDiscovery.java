package dev.skiff.server.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import java.util.List;

/**
 * apidiscovery.k8s.io/v2 APIGroupDiscoveryList for {@code /api} (the core group) and {@code /apis}
 * (named groups). Served only with the exact Content-Type client-go parses it by.
 */
public final class AggregatedDiscovery {
  private AggregatedDiscovery() {}

  public static ObjectNode core() {
    return list(List.of("v1"));
  }

  public static ObjectNode named() {
    return list(ApiGroups.namedGroupVersions());
  }

  private static ObjectNode list(List<String> groupVersions) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("kind", "APIGroupDiscoveryList");
    doc.put("apiVersion", "apidiscovery.k8s.io/v2");
    doc.putObject("metadata");
    ArrayNode items = doc.putArray("items");
    for (String gv : groupVersions) {
      ObjectNode item = items.addObject();
      item.putObject("metadata").put("name", ApiGroups.group(gv));
      ObjectNode version = item.putArray("versions").addObject();
      version.put("version", ApiGroups.version(gv));
      ArrayNode resources = version.putArray("resources");
      ApiGroups.resources(gv).forEach(t -> resources.add(resource(t)));
      version.put("freshness", "Current");
    }
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
