package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.model.meta.Times;
import dev.skiff.server.table.Age;
import java.time.Duration;
import java.time.Instant;

/** describe job, in kubectl's describeJob layout. */
final class JobDescriber {
  private JobDescriber() {}

  static String describe(DescribeInput in) {
    DescribeText w = in.text();
    JsonNode meta = in.meta();
    JsonNode spec = in.spec();
    JsonNode status = in.status();
    w.line(0, "Name", meta.path("name").asText());
    w.line(0, "Namespace", meta.path("namespace").asText());
    w.line(0, "Selector", WorkloadDescriber.selector(spec.path("selector")));
    w.labels(0, "Labels", meta.path("labels"));
    w.annotations(0, "Annotations", meta.path("annotations"));
    for (JsonNode owner : meta.path("ownerReferences")) {
      if (owner.path("controller").asBoolean(false)) {
        w.line(0, "Controlled By", owner.path("kind").asText() + "/" + owner.path("name").asText());
      }
    }
    optional(w, "Parallelism", spec.path("parallelism"));
    w.line(0, "Completions", DescribeText.textOr(spec.path("completions"), "<unset>"));
    optional(w, "Completion Mode", spec.path("completionMode"));
    optional(w, "Suspend", spec.path("suspend"));
    optional(w, "Backoff Limit", spec.path("backoffLimit"));
    optional(w, "TTL Seconds After Finished", spec.path("ttlSecondsAfterFinished"));
    Instant start = Times.parse(status.path("startTime").asText(null));
    Instant done = Times.parse(status.path("completionTime").asText(null));
    if (start != null) {
      w.line(0, "Start Time", w.time(status.path("startTime").asText()));
    }
    if (done != null) {
      w.line(0, "Completed At", w.time(status.path("completionTime").asText()));
    }
    if (start != null && done != null) {
      w.line(0, "Duration", Age.human(Duration.between(start, done)));
    }
    if (spec.hasNonNull("activeDeadlineSeconds")) {
      w.line(0, "Active Deadline Seconds", spec.path("activeDeadlineSeconds").asLong() + "s");
    }
    String ready =
        status.hasNonNull("ready") ? " (" + status.path("ready").asLong() + " Ready)" : "";
    w.line(
        0,
        "Pods Statuses",
        status.path("active").asLong(0)
            + " Active"
            + ready
            + " / "
            + status.path("succeeded").asLong(0)
            + " Succeeded / "
            + status.path("failed").asLong(0)
            + " Failed");
    if ("Indexed".equals(spec.path("completionMode").asText())) {
      w.line(
          0, "Completed Indexes", DescribeText.textOr(status.path("completedIndexes"), "<none>"));
    }
    WorkloadDescriber.template(w, spec.path("template"));
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  private static void optional(DescribeText w, String label, JsonNode value) {
    if (!value.isMissingNode() && !value.isNull()) {
      w.line(0, label, value.asText());
    }
  }
}
