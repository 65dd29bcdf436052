package dev.skiff.server.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import java.util.List;

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
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("kind", "APIGroupList");
    doc.put("apiVersion", "v1");
    ArrayNode groups = doc.putArray("groups");
    for (String gv : ApiGroups.namedGroupVersions()) {
      groups.add(group(ApiGroups.group(gv)));
    }
    return doc;
  }

  /** {@code GET /apis/<group>}. */
  public static ObjectNode group(String group) {
    String version = ApiGroups.versionOf(group);
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("kind", "APIGroup");
    doc.put("apiVersion", "v1");
    doc.put("name", group);
    ObjectNode gv =
        Json.mapper()
            .createObjectNode()
            .put("groupVersion", group + "/" + version)
            .put("version", version);
    doc.putArray("versions").add(gv);
    doc.set("preferredVersion", gv.deepCopy());
    return doc;
  }

  /** {@code GET /api/v1} or {@code /apis/<group>/<version>}. */
  public static ObjectNode resourceList(String groupVersion) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("kind", "APIResourceList");
    doc.put("apiVersion", "v1");
    doc.put("groupVersion", groupVersion);
    ArrayNode resources = doc.putArray("resources");
    for (ResourceType t : ApiGroups.resources(groupVersion)) {
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
