package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * kubectl get events: LAST SEEN TYPE REASON OBJECT MESSAGE [SUBOBJECT SOURCE FIRST SEEN COUNT
 * NAME].
 */
final class EventTable implements TableConvertor {
  private static final List<Column> COLUMNS =
      List.of(
          Column.text("Last Seen", "The last time the event was observed."),
          Column.text("Type", "Type of this event (Normal, Warning)."),
          Column.text("Reason", "Why the action was taken."),
          Column.text("Object", "The object that this event is about."),
          Column.wide("Subobject", "The subobject that this event is about."),
          Column.wide("Source", "The component reporting this event."),
          Column.text("Message", "A human-readable description of the status of this operation."),
          Column.wide("First Seen", "The time at which the event was first recorded."),
          Column.wide("Count", "The number of times this event has occurred."),
          new Column("Name", "string", "name", "Name must be unique within a namespace.", 1));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode e, Instant now) {
    String first = timestamp(e.path("firstTimestamp"), now);
    if (first == null) {
      first = timestamp(e.path("eventTime"), now);
    }
    String last = timestamp(e.path("lastTimestamp"), now);
    if (last == null) {
      last = first;
    }
    long count = e.path("count").asLong(0);
    JsonNode series = e.path("series");
    if (series.isObject()) {
      last = timestamp(series.path("lastObservedTime"), now);
      count = series.path("count").asLong(0);
    } else if (count == 0) {
      count = 1;
    }
    JsonNode involved = e.path("involvedObject");
    String kind = involved.path("kind").asText("").toLowerCase(Locale.ROOT);
    String name = involved.path("name").asText("");
    return List.of(
        orUnknown(last),
        e.path("type").asText(""),
        e.path("reason").asText(""),
        name.isEmpty() ? kind : kind + "/" + name,
        involved.path("fieldPath").asText(""),
        source(e),
        e.path("message").asText("").strip(),
        orUnknown(first),
        Long.toString(count),
        Cells.name(e));
  }

  private static String source(JsonNode e) {
    String component =
        firstNonEmpty(e.path("source").path("component"), e.path("reportingComponent"));
    String instance = firstNonEmpty(e.path("source").path("host"), e.path("reportingInstance"));
    return instance.isEmpty() ? component : component + ", " + instance;
  }

  private static String firstNonEmpty(JsonNode a, JsonNode b) {
    String first = a.asText("");
    return first.isEmpty() ? b.asText("") : first;
  }

  private static String timestamp(JsonNode node, Instant now) {
    String text = node.asText("");
    return text.isEmpty() ? null : Age.since(text, now);
  }

  private static String orUnknown(String age) {
    return age == null ? "<unknown>" : age;
  }
}
