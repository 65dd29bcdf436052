package dev.skiff.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code -o json|yaml|name} as kubectl prints them. */
public final class ObjectText {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .stringQuotingChecker(new GoYamlQuoting())
              .build());

  private static final ObjectWriter JSON =
      Json.mapper()
          .writer(
              new DefaultPrettyPrinter()
                  .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("    ", "\n"))
                  .withSeparators(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                          .withObjectEmptySeparator("")
                          .withArrayEmptySeparator("")));

  private ObjectText() {}

  /** Indented by four spaces, keys sorted (kubectl goes through a Go map), a final newline. */
  public static String json(JsonNode object) {
    try {
      return JSON.writeValueAsString(sorted(object)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** YAML with keys sorted at every level (kubectl goes through a Go map). */
  public static String yaml(JsonNode object) {
    try {
      return YAML.writeValueAsString(sorted(object));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What kubectl prints for several objects: a v1 List. */
  public static ObjectNode list(List<? extends JsonNode> items) {
    ObjectNode list = Json.mapper().createObjectNode();
    list.put("apiVersion", "v1");
    ArrayNode array = list.putArray("items");
    items.forEach(array::add);
    list.put("kind", "List");
    list.putObject("metadata").put("resourceVersion", "");
    return list;
  }

  /** {@code pod/web}, {@code deployment.apps/web}. */
  public static String name(ResourceType type, String name) {
    return kindName(type) + "/" + name;
  }

  /** The lower-case kind, qualified by its group: {@code pod}, {@code deployment.apps}. */
  public static String kindName(ResourceType type) {
    String kind = type.kind().toLowerCase(Locale.ROOT);
    return type.group().isEmpty() ? kind : kind + "." + type.group();
  }

  /** Also quotes what YAML 1.1 readers take for timestamps, as go-yaml does. */
  static final class GoYamlQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final java.util.regex.Pattern TIMESTAMP =
        java.util.regex.Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || TIMESTAMP.matcher(value).matches();
    }
  }

  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
      ObjectNode copy = Json.mapper().createObjectNode();
      fields.forEach(copy::set);
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.mapper().createArrayNode();
      node.forEach(n -> copy.add(sorted(n)));
      return copy;
    }
    return node;
  }
}
