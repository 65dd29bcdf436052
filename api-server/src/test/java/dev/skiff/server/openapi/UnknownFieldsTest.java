package dev.skiff.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {
  @Test
  void namesUnknownFieldsByPathAndSkipsPatchDirectivesAndFreeFormObjects() {
    UnknownFields pods = UnknownFields.of(Resources.PODS);
    JsonNode pod =
        Json.tree(
            ("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"labelz\":{}},"
                    + "\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"c\"}],"
                    + "\"securityContext\":{\"anything\":1},"
                    + "\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"resources\":{\"limits\":{\"cpu\":\"1\"}}},"
                    + "{\"$patch\":\"delete\",\"name\":\"d\",\"colour\":\"x\"}]}}")
                .getBytes());
    assertThat(pods.in(pod)).containsExactly("metadata.labelz", "spec.containers[1].colour");
  }

  /** The manifests the README tour applies with kubectl's default strict validation. */
  @Test
  void theTourManifestsHaveNoUnknownFields() throws IOException {
    Path tour = Path.of("..", "docs", "tour");
    try (Stream<Path> files = Files.list(tour)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        try (JsonParser parser = Json.yamlMapper().createParser(file.toFile());
            MappingIterator<JsonNode> docs = Json.yamlMapper().readValues(parser, JsonNode.class)) {
          for (JsonNode doc : docs.readAll()) {
            ResourceType type =
                Resources.byApiVersionKind(
                        doc.path("apiVersion").asText(), doc.path("kind").asText())
                    .orElseThrow();
            List<String> unknown = UnknownFields.of(type).in(doc);
            assertThat(unknown).as(file + " " + doc.at("/metadata/name")).isEmpty();
          }
        }
      }
    }
  }
}
