package dev.skiff.cli.describe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Events table of describe: oldest first, repeated events as "(xN over AGE)". */
class EventsSectionTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

  @Test
  void sortsByLastSeenAndSummarisesRepeats() {
    List<JsonNode> events =
        List.of(
            event(
                "Warning",
                "Unhealthy",
                30,
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:09:59Z",
                "kubelet",
                "Readiness probe failed "),
            event(
                "Normal",
                "Scheduled",
                1,
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z",
                "default-scheduler",
                "Successfully assigned"));
    DescribeText text = new DescribeText(ZoneOffset.UTC);

    EventsSection.write(text, events, NOW);

    assertThat(text.toString())
        .isEqualTo(
            """
            Events:
              Type     Reason     Age                From               Message
              ----     ------     ----               ----               -------
              Normal   Scheduled  10m                default-scheduler  Successfully assigned
              Warning  Unhealthy  1s (x30 over 10m)  kubelet            Readiness probe failed
            """);
  }

  @Test
  void noEventsSaysNoneAndNullLeavesTheSectionOut() {
    DescribeText none = new DescribeText(ZoneOffset.UTC);
    EventsSection.write(none, List.of(), NOW);
    DescribeText hidden = new DescribeText(ZoneOffset.UTC);
    EventsSection.write(hidden, null, NOW);

    assertThat(none.toString()).isEqualTo("Events:  <none>\n");
    assertThat(hidden.toString()).isEmpty();
  }

  private static JsonNode event(
      String type,
      String reason,
      int count,
      String first,
      String last,
      String source,
      String message) {
    return Json.mapper()
        .createObjectNode()
        .put("type", type)
        .put("reason", reason)
        .put("count", count)
        .put("firstTimestamp", first)
        .put("lastTimestamp", last)
        .put("message", message)
        .set("source", Json.mapper().createObjectNode().put("component", source));
  }
}
