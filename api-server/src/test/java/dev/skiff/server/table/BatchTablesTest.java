package dev.skiff.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** printJob and printCronJob: the cells kubectl shows for Jobs and CronJobs. */
class BatchTablesTest {
  static final Instant NOW = Instant.parse("2026-12-07T12:10:00Z");

  static JsonNode job(String spec, String status) {
    return Json.tree(
        ("{'metadata':{'name':'pi','creationTimestamp':'2026-12-07T12:00:00Z'},'spec':%s,"
                + "'status':%s}")
            .formatted(spec, status)
            .replace('\'', '"')
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0} / {1} -> {2} {3} {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'completions':3,'parallelism':1} | {'succeeded':1,'startTime':'2026-12-07T12:00:00Z'}"
            + " | Running | 1/3 | 10m",
        "{'parallelism':4} | {} | Running | 0/1 of 4 | ''",
        "{'parallelism':1} | {} | Running | 0/1 | ''",
        "{'completions':1} | {'succeeded':1,'startTime':'2026-12-07T12:00:00Z',"
            + "'completionTime':'2026-12-07T12:00:42Z','conditions':[{'type':'SuccessCriteriaMet',"
            + "'status':'True'},{'type':'Complete','status':'True'}]} | Complete | 1/1 | 42s",
        "{'completions':1} | {'failed':2,'conditions':[{'type':'FailureTarget','status':'True'}]}"
            + " | FailureTarget | 0/1 | ''",
        "{'completions':1} | {'failed':2,'conditions':[{'type':'FailureTarget','status':'True'},"
            + "{'type':'Failed','status':'True'}]} | Failed | 0/1 | ''",
        "{'completions':1} | {'conditions':[{'type':'Suspended','status':'True'}]}"
            + " | Suspended | 0/1 | ''",
      })
  void jobRowsReadAsKubectlPrintsThem(
      String spec, String status, String shown, String completions, String duration) {
    List<Object> cells = BatchTables.jobs().cells(job(spec, status), NOW);
    assertThat(cells.subList(0, 5)).containsExactly("pi", shown, completions, duration, "10m");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'schedule':'*/5 * * * *','suspend':false} | {} | <none> | False | 0 | <none>",
        "{'schedule':'0 9 * * *','timeZone':'Europe/Berlin','suspend':true} |"
            + " {'active':[{'name':'a'},{'name':'b'}],'lastScheduleTime':'2026-12-07T12:05:00Z'}"
            + " | Europe/Berlin | True | 2 | 5m",
        "{'schedule':'@hourly'} | {} | <none> | <unset> | 0 | <none>",
      })
  void cronJobRowsReadAsKubectlPrintsThem(
      String spec, String status, String zone, String suspend, long active, String last) {
    JsonNode cj = job(spec, status);
    List<Object> cells = BatchTables.cronJobs().cells(cj, NOW);
    assertThat(cells.subList(0, 7))
        .containsExactly(
            "pi", cj.path("spec").path("schedule").asText(), zone, suspend, active, last, "10m");
    assertThat(BatchTables.cronJobs().columns())
        .extracting(Column::name)
        .startsWith("Name", "Schedule", "Timezone", "Suspend", "Active", "Last Schedule", "Age");
  }
}
