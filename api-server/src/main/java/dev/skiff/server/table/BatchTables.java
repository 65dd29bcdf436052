package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.model.meta.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * kubectl get jobs (NAME STATUS COMPLETIONS DURATION AGE) and cronjobs (NAME SCHEDULE TIMEZONE
 * SUSPEND ACTIVE LAST SCHEDULE AGE), with CONTAINERS IMAGES SELECTOR under -o wide: printJob and
 * printCronJob of the real server.
 */
final class BatchTables {
  private BatchTables() {}

  static TableConvertor jobs() {
    List<Column> columns =
        Workloads.columns(
            List.of(
                Column.nameColumn(),
                Column.text("Status", "Status of the job."),
                Column.text("Completions", "The number of pods which reached phase Succeeded."),
                Column.text("Duration", "Time required to complete the job."),
                Column.ageColumn()));
    return new TableConvertor() {
      @Override
      public List<Column> columns() {
        return columns;
      }

      @Override
      public List<Object> cells(JsonNode job, Instant now) {
        JsonNode spec = job.path("spec");
        return Workloads.cells(
            List.of(
                Cells.name(job),
                status(job),
                completions(job),
                duration(job, now),
                Cells.age(job, now)),
            spec);
      }
    };
  }

  static TableConvertor cronJobs() {
    List<Column> columns =
        Workloads.columns(
            List.of(
                Column.nameColumn(),
                Column.text("Schedule", "The schedule in Cron format."),
                Column.text("Timezone", "The time zone name for the given schedule."),
                new Column("Suspend", "boolean", "", "Whether later executions are suspended.", 0),
                Column.number("Active", "A list of pointers to currently running jobs."),
                Column.text("Last Schedule", "When the job was last successfully scheduled."),
                Column.ageColumn()));
    return of(columns, BatchTables::cronJobCells);
  }

  private static List<Object> cronJobCells(JsonNode cj, Instant now) {
    JsonNode spec = cj.path("spec");
    JsonNode status = cj.path("status");
    JsonNode suspend = spec.path("suspend");
    String last =
        status.hasNonNull("lastScheduleTime")
            ? Age.since(status.path("lastScheduleTime").asText(), now)
            : Cells.NONE;
    return Workloads.cells(
        List.of(
            Cells.name(cj),
            spec.path("schedule").asText(""),
            Cells.textOr(spec.path("timeZone"), Cells.NONE),
            suspend.isBoolean() ? (suspend.asBoolean() ? "True" : "False") : "<unset>",
            (long) status.path("active").size(),
            last,
            Cells.age(cj, now)),
        spec.path("jobTemplate").path("spec"));
  }

  /** Columns as given, cells as computed: no name or age added. */
  static TableConvertor of(
      List<Column> columns, BiFunction<JsonNode, Instant, List<Object>> cells) {
    return new TableConvertor() {
      @Override
      public List<Column> columns() {
        return columns;
      }

      @Override
      public List<Object> cells(JsonNode object, Instant now) {
        return cells.apply(object, now);
      }
    };
  }

  static String status(JsonNode job) {
    if (hasCondition(job, "Complete")) {
      return "Complete";
    } else if (hasCondition(job, "Failed")) {
      return "Failed";
    } else if (job.path("metadata").hasNonNull("deletionTimestamp")) {
      return "Terminating";
    } else if (hasCondition(job, "Suspended")) {
      return "Suspended";
    } else if (hasCondition(job, "FailureTarget")) {
      return "FailureTarget";
    } else if (hasCondition(job, "SuccessCriteriaMet")) {
      return "SuccessCriteriaMet";
    }
    return "Running";
  }

  private static boolean hasCondition(JsonNode job, String type) {
    for (JsonNode c : job.path("status").path("conditions")) {
      if (type.equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
        return true;
      }
    }
    return false;
  }

  private static String completions(JsonNode job) {
    JsonNode spec = job.path("spec");
    long succeeded = job.path("status").path("succeeded").asLong(0);
    if (spec.hasNonNull("completions")) {
      return succeeded + "/" + spec.path("completions").asLong();
    }
    long parallelism = spec.path("parallelism").asLong(0);
    return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
  }

  private static String duration(JsonNode job, Instant now) {
    JsonNode status = job.path("status");
    Instant start = Times.parse(status.path("startTime").asText(null));
    if (start == null) {
      return "";
    }
    Instant end = Times.parse(status.path("completionTime").asText(null));
    return Age.human(Duration.between(start, end == null ? now : end));
  }
}
