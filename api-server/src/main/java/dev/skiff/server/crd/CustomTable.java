package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.model.meta.Times;
import dev.skiff.server.table.Age;
import dev.skiff.server.table.Column;
import dev.skiff.server.table.TableConvertor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Table of a custom kind, as apiextensions-apiserver's table convertor makes it: Name, then the
 * version's additionalPrinterColumns (Age alone when it declares none); a cell is the value at the
 * column's JSONPath converted to the column's type, null when absent, dates as ages.
 */
public final class CustomTable implements TableConvertor {
  private final List<PrinterColumn> printerColumns;
  private final List<Column> columns = new ArrayList<>();

  public CustomTable(List<PrinterColumn> printerColumns) {
    this.printerColumns = printerColumns;
    columns.add(Column.nameColumn());
    for (PrinterColumn c : printerColumns) {
      String description =
          c.description().isEmpty()
              ? "Custom resource definition column (in JSONPath format): " + c.jsonPath()
              : c.description();
      columns.add(new Column(c.name(), c.type(), c.format(), description, c.priority()));
    }
  }

  /**
   * The Table of CustomResourceDefinitions themselves (kube-apiserver's default convertor): Name
   * and Created At as an RFC 3339 time.
   */
  public static TableConvertor definitions() {
    List<Column> columns =
        List.of(
            Column.nameColumn(),
            new Column(
                "Created At",
                "date",
                "",
                "CreationTimestamp is a timestamp representing the server time when this object"
                    + " was created.",
                0));
    return new TableConvertor() {
      @Override
      public List<Column> columns() {
        return columns;
      }

      @Override
      public List<Object> cells(JsonNode object, Instant now) {
        return List.of(
            object.path("metadata").path("name").asText(),
            object.path("metadata").path("creationTimestamp").asText(""));
      }
    };
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public List<Object> cells(JsonNode object, Instant now) {
    List<Object> cells = new ArrayList<>();
    cells.add(object.path("metadata").path("name").asText());
    for (PrinterColumn c : printerColumns) {
      cells.add(cell(c.type(), JsonPaths.find(object, c.jsonPath()), now));
    }
    return cells;
  }

  private static Object cell(String type, JsonNode value, Instant now) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    return switch (type) {
      case "integer" -> value.isNumber() ? (Object) value.asLong() : null;
      case "number" -> value.isNumber() ? (Object) value.asDouble() : null;
      case "boolean" -> value.isBoolean() ? (Object) value.asBoolean() : null;
      case "date" ->
          value.isTextual()
              ? (Times.parse(value.asText()) == null ? "<invalid>" : Age.since(value.asText(), now))
              : null;
      default -> value.isValueNode() ? value.asText() : value.toString();
    };
  }
}
