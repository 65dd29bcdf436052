package dev.skiff.server.patch;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.skiff.api.Json;
import java.io.IOException;
import java.util.stream.Collectors;

/** Decodes PATCH bodies into Jackson trees; anything undecodable is 400 BadRequest. */
final class PatchBodies {
  private static final ObjectReader JSON =
      Nesting.limited(Json.mapper())
          .readerFor(JsonNode.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader YAML =
      Nesting.limited(Json.yamlMapper())
          .readerFor(JsonNode.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private PatchBodies() {}

  static JsonNode json(byte[] body) {
    return read(JSON, body, "error decoding patch: ");
  }

  /** YAML, or JSON (which is YAML), as {@code application/apply-patch+yaml} bodies are. */
  static JsonNode yaml(byte[] body) {
    return read(YAML, body, "error decoding YAML: ");
  }

  private static JsonNode read(ObjectReader reader, byte[] body, String prefix) {
    if (body == null || body.length == 0) {
      throw PatchErrors.badRequest(prefix + "the request body is empty");
    }
    JsonNode node;
    try {
      node = reader.readTree(body);
    } catch (JsonProcessingException e) {
      throw PatchErrors.badRequest(prefix + (Nesting.isLimit(e) ? Nesting.tooDeep() : describe(e)));
    } catch (IOException | RuntimeException e) {
      // The YAML parser can fail with its own unchecked exceptions.
      throw PatchErrors.badRequest(prefix + e.getClass().getSimpleName());
    }
    if (node == null || node.isMissingNode()) {
      throw PatchErrors.badRequest(prefix + "the request body holds no document");
    }
    return node;
  }

  /**
   * Jackson's message without its source-location noise; for YAML, SnakeYAML's context and problem
   * lines without the quoted snippet.
   */
  private static String describe(JsonProcessingException e) {
    String original = String.valueOf(e.getOriginalMessage());
    String message =
        original.startsWith("Trailing token")
            ? "unexpected data after the end of the document"
            : original
                .lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "))
                .replaceAll("\\[Source: [^;\\]]*; ", "[");
    JsonLocation where = e.getLocation();
    if (where == null || where.getLineNr() < 0) {
      return message;
    }
    return message + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }
}
