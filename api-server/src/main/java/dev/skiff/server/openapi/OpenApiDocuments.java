package dev.skiff.server.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.server.discovery.ApiGroups;
import dev.skiff.server.discovery.VersionInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI documents, generated once from the served kinds ({@link ApiGroups}: the kind registry
 * and the computed kinds) by {@link SchemaGenerator}: Swagger 2 ({@code /openapi/v2}, every kind)
 * and OpenAPI 3 per group-version ({@code /openapi/v3/api/v1}, {@code /openapi/v3/apis/apps/v1}),
 * with the v3 index whose {@code serverRelativeURL}s carry each document's hash.
 */
public final class OpenApiDocuments {
  /** One rendered document and its content hash (the ETag and the v3 {@code hash} parameter). */
  public record Document(byte[] body, String hash) {
    static Document of(ObjectNode json) {
      byte[] body = Json.toBytes(json);
      return new Document(body, sha512(body));
    }
  }

  private final Map<String, Document> v3 = new LinkedHashMap<>();
  private final Document v3Index;
  private final Document v2;

  public OpenApiDocuments() {
    this(ApiGroups.withCustom(List.of()));
  }

  /** The documents of these group-versions (the built-in ones and custom kinds'). */
  public OpenApiDocuments(Map<String, List<ResourceType>> groupVersions) {
    ObjectNode index = Json.mapper().createObjectNode();
    ObjectNode indexPaths = index.putObject("paths");
    for (Map.Entry<String, List<ResourceType>> e : groupVersions.entrySet()) {
      String gv = e.getKey();
      String path = gv.contains("/") ? "apis/" + gv : "api/" + gv;
      Document doc = Document.of(v3Document(e.getValue()));
      v3.put(path, doc);
      indexPaths
          .putObject(path)
          .put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + doc.hash());
    }
    v3Index = Document.of(index);
    v2 = Document.of(v2Document(groupVersions));
  }

  public Document v3Index() {
    return v3Index;
  }

  /** The v3 document of "api/v1" or "apis/apps/v1"; null when not served. */
  public Document v3(String path) {
    return v3.get(path);
  }

  public Document v2() {
    return v2;
  }

  private static ObjectNode v3Document(List<ResourceType> types) {
    SchemaGenerator schemas = SchemaGenerator.v3();
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes").put("version", VersionInfo.GIT_VERSION);
    ObjectNode paths = doc.putObject("paths");
    for (ResourceType t : types) {
      OpenApiPaths.add(paths, t, schemas.ref(schemas.defineKind(t)), true);
    }
    ObjectNode components = doc.putObject("components").putObject("schemas");
    schemas.definitions().forEach(components::set);
    return doc;
  }

  private static ObjectNode v2Document(Map<String, List<ResourceType>> groupVersions) {
    SchemaGenerator schemas = SchemaGenerator.v2();
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("swagger", "2.0");
    doc.putObject("info").put("title", "Kubernetes").put("version", VersionInfo.GIT_VERSION);
    ObjectNode paths = doc.putObject("paths");
    for (List<ResourceType> types : groupVersions.values()) {
      for (ResourceType t : types) {
        OpenApiPaths.add(paths, t, schemas.ref(schemas.defineKind(t)), false);
      }
    }
    ObjectNode definitions = doc.putObject("definitions");
    schemas.definitions().forEach(definitions::set);
    return doc;
  }

  private static String sha512(byte[] body) {
    try {
      return HexFormat.of()
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-512").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is part of every JDK", e);
    }
  }
}
