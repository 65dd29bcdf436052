package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One of a version's {@code additionalPrinterColumns}.
 *
 * @param type integer, number, string, boolean or date
 */
public record PrinterColumn(
    String name, String type, String format, String description, int priority, String jsonPath) {

  /** The column Kubernetes serves when a version declares none. */
  static final PrinterColumn AGE =
      new PrinterColumn("Age", "date", "", "", 0, ".metadata.creationTimestamp");

  static List<PrinterColumn> of(JsonNode columns) {
    List<PrinterColumn> out = new ArrayList<>();
    for (JsonNode c : columns) {
      out.add(
          new PrinterColumn(
              c.path("name").asText(),
              c.path("type").asText("string"),
              c.path("format").asText(""),
              c.path("description").asText(""),
              c.path("priority").asInt(0),
              c.path("jsonPath").asText("")));
    }
    return out.isEmpty() ? List.of(AGE) : List.copyOf(out);
  }
}
