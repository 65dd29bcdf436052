package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.status.StatusException;
import java.io.IOException;
import java.util.List;

/** The four PATCH media types. */
public final class PatchTypes {
  public static final String JSON = "application/json-patch+json";
  public static final String MERGE = "application/merge-patch+json";
  public static final String STRATEGIC = "application/strategic-merge-patch+json";
  public static final String APPLY = "application/apply-patch+yaml";
  public static final List<String> ALL = List.of(JSON, MERGE, STRATEGIC, APPLY);

  private PatchTypes() {}

  /** An apply patch body is YAML (kubectl sends JSON, which is YAML too). */
  public static ObjectNode parseApplyBody(byte[] body) {
    try {
      JsonNode node = Json.yamlMapper().readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      throw StatusException.badRequest(
          "error decoding YAML: "
              + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  ? j.getOriginalMessage()
                  : e.getMessage()));
    }
    throw StatusException.badRequest("error decoding YAML: the body is not an object");
  }
}
