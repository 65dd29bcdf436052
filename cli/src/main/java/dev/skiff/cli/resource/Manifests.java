package dev.skiff.cli.resource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads manifests for {@code -f}: a file, every {@code .yaml/.yml/.json} file of a directory, or
 * {@code -} for stdin; YAML documents separated by {@code ---}; {@code kind: List} expanded.
 */
public final class Manifests {
  /** One object and where it came from (a path, or {@code STDIN}). */
  public record Manifest(ObjectNode object, String source) {}

  private Manifests() {}

  public static List<Manifest> read(List<String> filenames, InputStream stdin) {
    List<Manifest> all = new ArrayList<>();
    for (String name : filenames) {
      if (name.equals("-")) {
        all.addAll(parse(readAll(stdin), "STDIN"));
        continue;
      }
      Path path = Path.of(name);
      if (Files.isDirectory(path)) {
        for (Path file : filesIn(path)) {
          all.addAll(parse(readFile(file), file.toString()));
        }
      } else if (Files.isRegularFile(path)) {
        all.addAll(parse(readFile(path), name));
      } else {
        throw CliException.failed("the path \"" + name + "\" does not exist");
      }
    }
    return all;
  }

  /** The objects in {@code text}; empty documents are skipped. */
  public static List<Manifest> parse(String text, String source) {
    List<Manifest> objects = new ArrayList<>();
    try (JsonParser parser = Json.yamlMapper().getFactory().createParser(text);
        MappingIterator<JsonNode> docs = Json.yamlMapper().readValues(parser, JsonNode.class)) {
      while (docs.hasNext()) {
        add(objects, docs.next(), source);
      }
    } catch (CliException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw CliException.failed("error parsing " + source + ": " + firstLine(e.getMessage()));
    }
    return objects;
  }

  private static void add(List<Manifest> objects, JsonNode doc, String source) {
    boolean empty =
        doc == null
            || doc.isNull()
            || doc.isMissingNode()
            || (doc.isTextual() && doc.asText().isBlank())
            || (doc.isObject() && doc.isEmpty());
    if (empty) {
      return;
    }
    if (!(doc instanceof ObjectNode object)) {
      throw CliException.failed("error parsing " + source + ": a document is not an object");
    }
    if (object.path("kind").asText("").endsWith("List") && object.path("items").isArray()) {
      object.path("items").forEach(item -> add(objects, item, source));
      return;
    }
    if (object.path("kind").asText("").isEmpty()
        || object.path("apiVersion").asText("").isEmpty()) {
      throw CliException.failed(
          "error validating data from " + source + ": apiVersion and kind must be set: " + object);
    }
    objects.add(new Manifest(object, source));
  }

  private static List<Path> filesIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw CliException.failed("cannot read " + dir + ": " + e.getMessage());
    }
  }

  private static String readFile(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.failed("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String readAll(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.failed("cannot read stdin: " + e.getMessage());
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid YAML";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
