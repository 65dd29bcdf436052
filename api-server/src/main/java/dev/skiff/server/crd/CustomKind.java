package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.model.meta.GenericObject;
import dev.skiff.api.resource.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A CustomResourceDefinition as the API server serves it: its accepted names and one {@link
 * ResourceType} per served version, in version priority order.
 *
 * @param established whether its names are accepted (only then are its instances served)
 * @param terminating whether it is being deleted (instances are then refused creation)
 * @param storageType the type of the storage version, served or not; null without versions
 */
public record CustomKind(
    String name,
    String group,
    String plural,
    String kind,
    boolean namespaced,
    boolean established,
    boolean terminating,
    List<CustomVersion> versions,
    List<ResourceType> servedTypes,
    ResourceType storageType) {

  /** Reads a stored (valid, defaulted) CustomResourceDefinition. */
  public static CustomKind of(ObjectNode crd) {
    String name = crd.path("metadata").path("name").asText();
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    String group = spec.path("group").asText();
    String plural = names.path("plural").asText();
    String kind = names.path("kind").asText();
    boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
    List<CustomVersion> versions = new ArrayList<>();
    for (JsonNode v : spec.path("versions")) {
      JsonNode subresources = v.path("subresources");
      versions.add(
          new CustomVersion(
              name,
              group,
              v.path("name").asText(),
              kind,
              v.path("served").asBoolean(false),
              v.path("storage").asBoolean(false),
              v.path("schema").path("openAPIV3Schema"),
              subresources.has("status"),
              ScalePaths.of(subresources.path("scale")),
              PrinterColumn.of(v.path("additionalPrinterColumns"))));
    }
    versions.sort(Comparator.comparing(CustomVersion::version, VersionPriority.ORDER));
    List<ResourceType> served = new ArrayList<>();
    ResourceType storage = null;
    for (CustomVersion v : versions) {
      ResourceType t = type(v, names, namespaced);
      if (v.served()) {
        served.add(t);
      }
      if (v.storage() || storage == null) {
        storage = v.storage() ? t : storage == null ? t : storage;
      }
    }
    boolean established = false;
    for (JsonNode c : crd.path("status").path("conditions")) {
      if ("Established".equals(c.path("type").asText())) {
        established = "True".equals(c.path("status").asText());
      }
    }
    boolean terminating = crd.path("metadata").hasNonNull("deletionTimestamp");
    return new CustomKind(
        name,
        group,
        plural,
        kind,
        namespaced,
        established,
        terminating,
        List.copyOf(versions),
        List.copyOf(served),
        storage);
  }

  private static ResourceType type(CustomVersion v, JsonNode names, boolean namespaced) {
    Set<String> subresources =
        v.scale() == null
            ? (v.statusSubresource() ? Set.of("status") : Set.of())
            : (v.statusSubresource() ? Set.of("status", "scale") : Set.of("scale"));
    return new ResourceType(
        v.group(),
        v.version(),
        v.kind(),
        names.path("plural").asText(),
        names.path("singular").asText(),
        namespaced,
        strings(names.path("shortNames")),
        strings(names.path("categories")),
        GenericObject.class,
        false,
        v.statusSubresource(),
        subresources,
        Set.of(),
        v);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  /** The served type of {@code version}, if served. */
  public Optional<ResourceType> served(String version) {
    return servedTypes.stream().filter(t -> t.version().equals(version)).findFirst();
  }

  /** The version objects are stored in. */
  public String storageVersion() {
    return versions.stream()
        .filter(CustomVersion::storage)
        .map(CustomVersion::version)
        .findFirst()
        .orElse(versions.isEmpty() ? "" : versions.get(0).version());
  }

  /** The qualified resource all versions share in the store: "crontabs.stable.example.com". */
  public String qualifiedName() {
    return plural + "." + group;
  }
}
