package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.server.table.Age;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** DescribeEvents: the Events table at the end of describe, oldest first. */
final class EventsSection {
  private EventsSection() {}

  /** {@code events} null leaves the section out ({@code --show-events=false}). */
  static void write(DescribeText text, List<JsonNode> events, Instant now) {
    if (events == null) {
      return;
    }
    if (events.isEmpty()) {
      text.line(0, "Events", DescribeText.NONE);
      return;
    }
    List<JsonNode> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(EventsSection::last));
    text.heading(0, "Events");
    text.raw(1, "Type\tReason\tAge\tFrom\tMessage\n");
    text.raw(1, "----\t------\t----\t----\t-------\n");
    for (JsonNode e : sorted) {
      String first = Age.since(first(e), now);
      long count = e.path("count").asLong(0);
      JsonNode series = e.path("series");
      String interval =
          series.isObject()
              ? Age.since(series.path("lastObservedTime").asText(null), now)
                  + " (x"
                  + series.path("count").asLong()
                  + " over "
                  + first
                  + ")"
              : count > 1
                  ? Age.since(e.path("lastTimestamp").asText(null), now)
                      + " (x"
                      + count
                      + " over "
                      + first
                      + ")"
                  : first;
      String source = e.path("source").path("component").asText("");
      if (source.isEmpty()) {
        source = e.path("reportingComponent").asText("");
      }
      text.raw(
          1,
          e.path("type").asText("")
              + "\t"
              + e.path("reason").asText("")
              + "\t"
              + interval
              + "\t"
              + source
              + "\t"
              + e.path("message").asText("").strip()
              + "\n");
    }
  }

  private static String first(JsonNode e) {
    String t = e.path("firstTimestamp").asText("");
    return t.isEmpty() ? e.path("eventTime").asText(null) : t;
  }

  private static String last(JsonNode e) {
    String t = e.path("lastTimestamp").asText("");
    if (t.isEmpty()) {
      t = e.path("eventTime").asText("");
    }
    return t.isEmpty() ? e.path("firstTimestamp").asText("") : t;
  }
}
