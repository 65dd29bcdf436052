package dev.skiff.server.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The legacy discovery documents: APIVersions, APIGroupList, APIGroup, APIResourceList. */
public final class LegacyDiscovery {
  private LegacyDiscovery() {}

  /** {@code GET /api}. */
  public static ObjectNode apiVersions(String serverAddress) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("kind", "APIVersions");
    doc.putArray("versions").add("v1");
    doc.putArray("serverAddressByClientCIDRs")
        .addObject()
        .put("clientCIDR", "0.0.0.0/0")
        .put("serverAddress", serverAddress);
    return doc;
  }

  /** {@code GET /apis}. */
  public static ObjectNode groupList() {
    return groupList(ApiGroups.withCustom(List.of()));
  }

  /** {@code GET /apis} for these group-versions. */
  public static ObjectNode groupList(Map<String, List<ResourceType>> groupVersions) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("kind", "APIGroupList");
    doc.put("apiVersion", "v1");
    ArrayNode groups = doc.putArray("groups");
    Set<String> seen = new LinkedHashSet<>();
    for (String gv : groupVersions.keySet()) {
      if (gv.contains("/") && seen.add(ApiGroups.group(gv))) {
        groups.add(group(ApiGroups.group(gv), groupVersions));
      }
    }
    return doc;
  }

  /** {@code GET /apis/<group>}. */
  public static ObjectNode group(String group) {
    return group(group, ApiGroups.withCustom(List.of()));
  }

  /** {@code GET /apis/<group>}: its versions, the preferred one first. */
  public static ObjectNode group(String group, Map<String, List<ResourceType>> groupVersions) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("kind", "APIGroup");
    doc.put("apiVersion", "v1");
    doc.put("name", group);
    ArrayNode versions = doc.putArray("versions");
    for (String version : ApiGroups.versionsOf(group, groupVersions)) {
      versions.addObject().put("groupVersion", group + "/" + version).put("version", version);
    }
    doc.set("preferredVersion", versions.get(0).deepCopy());
    return doc;
  }

  /** {@code GET /api/v1} or {@code /apis/<group>/<version>}. */
  public static ObjectNode resourceList(String groupVersion) {
    return resourceList(groupVersion, ApiGroups.resources(groupVersion));
  }

  /** {@code GET /api/v1} or {@code /apis/<group>/<version>}, listing {@code types}. */
  public static ObjectNode resourceList(String groupVersion, List<ResourceType> types) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("kind", "APIResourceList");
    doc.put("apiVersion", "v1");
    doc.put("groupVersion", groupVersion);
    ArrayNode resources = doc.putArray("resources");
    for (ResourceType t : types) {
      ObjectNode r = resources.addObject();
      r.put("name", t.plural());
      r.put("singularName", t.singular());
      r.put("namespaced", t.namespaced());
      r.put("kind", t.kind());
      strings(r.putArray("verbs"), Verbs.of(t));
      if (!t.shortNames().isEmpty()) {
        strings(r.putArray("shortNames"), t.shortNames());
      }
      if (!t.categories().isEmpty()) {
        strings(r.putArray("categories"), t.categories());
      }
      for (Subresources.Sub sub : Subresources.of(t)) {
        ObjectNode s = resources.addObject();
        s.put("name", t.plural() + "/" + sub.name());
        s.put("singularName", "");
        s.put("namespaced", t.namespaced());
        if (!sub.group().equals(t.group())) {
          s.put("group", sub.group());
          s.put("version", sub.version());
        }
        s.put("kind", sub.kind());
        strings(s.putArray("verbs"), Verbs.ofSubresource(sub.name()));
      }
    }
    return doc;
  }

  static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
