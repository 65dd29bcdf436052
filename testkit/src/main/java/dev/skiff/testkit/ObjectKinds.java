package dev.skiff.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.resource.Resources;
import dev.skiff.testing.Await;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the objects of a kind live: Skiff's built-in kinds from its registry, any other kind (a
 * custom resource once its CustomResourceDefinition is established) from the server's discovery
 * document of its group-version, as kubectl finds it. Blocking; for test threads.
 */
final class ObjectKinds {
  /** A kind's collection: {@code /apis/example.com/v1} and {@code widgets}. */
  record Kind(
      String apiVersion, String kind, String groupVersionPath, String plural, boolean namespaced) {
    /** The object's URL; {@code namespace} is ignored for cluster-scoped kinds. */
    String path(String namespace, String name) {
      String collection =
          namespaced
              ? groupVersionPath + "/namespaces/" + namespace + "/" + plural
              : groupVersionPath + "/" + plural;
      return name == null ? collection : collection + "/" + name;
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KubeClient client;
  private final Map<String, Kind> discovered = new ConcurrentHashMap<>();

  ObjectKinds(KubeClient client) {
    this.client = client;
  }

  /**
   * @throws IllegalArgumentException when the server serves no such kind
   */
  Kind of(String apiVersion, String kind) {
    var builtIn = Resources.byApiVersionKind(apiVersion, kind);
    if (builtIn.isPresent()) {
      var t = builtIn.get();
      return new Kind(apiVersion, kind, t.groupVersionPath(), t.plural(), t.namespaced());
    }
    Kind known = discovered.get(apiVersion + "/" + kind);
    if (known != null) {
      return known;
    }
    String gvPath = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    JsonNode list;
    try {
      list =
          Json.tree(
              Await.result(client.raw().request(HttpMethod.GET, gvPath, null, null), TIMEOUT)
                  .getBytes());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Skiff does not serve " + apiVersion + " " + kind, e);
    }
    for (JsonNode r : list.path("resources")) {
      if (kind.equals(r.path("kind").asText()) && !r.path("name").asText().contains("/")) {
        Kind found =
            new Kind(
                apiVersion,
                kind,
                gvPath,
                r.path("name").asText(),
                r.path("namespaced").asBoolean());
        discovered.put(apiVersion + "/" + kind, found);
        return found;
      }
    }
    throw new IllegalArgumentException("Skiff does not serve " + apiVersion + " " + kind);
  }
}
