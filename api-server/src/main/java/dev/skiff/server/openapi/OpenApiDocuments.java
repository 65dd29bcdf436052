package dev.skiff.server.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.server.discovery.ApiGroups;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal OpenAPI v3: an index of group-versions and, per group-version, one PATCH operation per
 * kind carrying {@code x-kubernetes-group-version-kind} and the {@code fieldValidation} query
 * parameter. That parameter tells kubectl the server validates, so it skips client-side schema
 * validation. No request body content is advertised: listing strategic-merge-patch there would make
 * kubectl build patches from schemas this document does not have.
 */
public final class OpenApiDocuments {
  private final Map<String, byte[]> byPath = new LinkedHashMap<>();
  private final Map<String, String> hashes = new LinkedHashMap<>();
  private final byte[] index;

  public OpenApiDocuments() {
    for (String gv : ApiGroups.groupVersions()) {
      String path = gv.contains("/") ? "apis/" + gv : "api/" + gv;
      byte[] doc = Json.toBytes(groupVersionDocument(gv));
      byPath.put(path, doc);
      hashes.put(path, hash(doc));
    }
    ObjectNode idx = Json.mapper().createObjectNode();
    ObjectNode paths = idx.putObject("paths");
    byPath
        .keySet()
        .forEach(
            p ->
                paths
                    .putObject(p)
                    .put("serverRelativeURL", "/openapi/v3/" + p + "?hash=" + hashes.get(p)));
    index = Json.toBytes(idx);
  }

  public byte[] index() {
    return index;
  }

  /** The document of "api/v1" or "apis/apps/v1"; null when not served. */
  public byte[] document(String path) {
    return byPath.get(path);
  }

  public String hash(String path) {
    return hashes.get(path);
  }

  private static ObjectNode groupVersionDocument(String gv) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Skiff").put("version", gv);
    ObjectNode paths = doc.putObject("paths");
    for (ResourceType t : ApiGroups.resources(gv)) {
      String item =
          t.namespaced()
              ? t.groupVersionPath() + "/namespaces/{namespace}/" + t.plural() + "/{name}"
              : t.groupVersionPath() + "/" + t.plural() + "/{name}";
      ObjectNode patch = paths.putObject(item).putObject("patch");
      patch
          .putObject("x-kubernetes-group-version-kind")
          .put("group", t.group())
          .put("version", t.version())
          .put("kind", t.kind());
      ArrayNode params = patch.putArray("parameters");
      for (String name : new String[] {"fieldValidation", "fieldManager", "dryRun", "force"}) {
        params
            .addObject()
            .put("name", name)
            .put("in", "query")
            .putObject("schema")
            .put("type", "string");
      }
      patch.putObject("responses");
    }
    return doc;
  }

  private static String hash(byte[] doc) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(doc);
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      return Integer.toHexString(new String(doc, StandardCharsets.UTF_8).hashCode());
    }
  }
}
