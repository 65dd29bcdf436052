package dev.skiff.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.patch.Nesting;
import dev.skiff.server.patch.Patches;
import dev.skiff.server.protobuf.KubeProtobuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * Decodes request bodies by Content-Type: JSON (also when absent), YAML, or Kubernetes protobuf for
 * objects ({@link KubeProtobuf}); 415 otherwise. Under {@code fieldValidation=Strict} a field given
 * twice is a 400, as kube-apiserver's strict decoding answers.
 */
public final class Bodies {
  private static final ObjectMapper JSON = Nesting.limited(Json.mapper());
  private static final ObjectMapper YAML = Nesting.limited(Json.yamlMapper());

  private Bodies() {}

  /** The body of a POST or PUT as an object. */
  public static ObjectNode object(RoutingContext ctx) {
    String type = MediaRange.bareType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
    if (KubeProtobuf.MEDIA_TYPE.equals(type)) {
      return KubeProtobuf.decode(raw(ctx));
    }
    ObjectMapper mapper =
        switch (type) {
          case "", "application/json", "*/*" -> JSON;
          case "application/yaml", "application/x-yaml", "text/yaml" -> YAML;
          default ->
              throw unsupported(
                  type, "application/json, application/yaml, " + KubeProtobuf.MEDIA_TYPE);
        };
    byte[] bytes = raw(ctx);
    if (bytes.length == 0) {
      throw StatusException.badRequest("the body of the request was empty");
    }
    boolean strict = "Strict".equals(ctx.request().getParam("fieldValidation"));
    try {
      JsonNode node =
          strict
              ? mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(bytes)
              : mapper.readTree(bytes);
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw StatusException.badRequest("the body of the request must be a JSON object");
    } catch (IOException e) {
      if (strict && isDuplicate(e)) {
        throw StatusException.badRequest(
            "strict decoding error: duplicate field \"" + duplicatePath(e) + "\"");
      }
      throw StatusException.badRequest(
          "error decoding the request body: "
              + (Nesting.isLimit(e) ? Nesting.tooDeep() : describe(e)));
    }
  }

  /** The body of a PATCH: raw bytes, after checking the patch media type. */
  public static byte[] patch(RoutingContext ctx) {
    String type = MediaRange.bareType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
    if (PatchType.ofContentType(type) == null) {
      throw unsupported(type, Patches.acceptedTypes());
    }
    byte[] bytes = raw(ctx);
    if (bytes.length == 0) {
      throw StatusException.badRequest("the body of the request was empty");
    }
    return bytes;
  }

  /** The optional DeleteOptions body of a DELETE, as a tree; empty object when absent. */
  public static ObjectNode optionalObject(RoutingContext ctx) {
    byte[] bytes = raw(ctx);
    if (bytes.length == 0) {
      return Json.mapper().createObjectNode();
    }
    return object(ctx);
  }

  public static String patchType(RoutingContext ctx) {
    return MediaRange.bareType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
  }

  private static byte[] raw(RoutingContext ctx) {
    Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
    return buffer == null ? new byte[0] : buffer.getBytes();
  }

  private static StatusException unsupported(String type, String accepted) {
    return StatusException.unsupportedMediaType(
        "the body of the request was in an unknown format - accepted media types include: "
            + accepted
            + (type.isEmpty() ? "" : " (got " + type + ")"));
  }

  private static boolean isDuplicate(IOException e) {
    return e instanceof StreamReadException r
        && r.getProcessor() != null
        && String.valueOf(r.getOriginalMessage()).startsWith("Duplicate field");
  }

  /** {@code metadata.name} of the duplicate, from where the parser stopped. */
  private static String duplicatePath(IOException e) {
    JsonPointer at = ((StreamReadException) e).getProcessor().getParsingContext().pathAsPointer();
    return at.toString().substring(1).replace('/', '.');
  }

  private static String describe(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }
}
