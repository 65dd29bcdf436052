package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.testing.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * batch/v1 Jobs and CronJobs driven by the real kubectl against a cluster started with {@code skiff
 * up} (process runtime: the pods are real local processes running their command; {@link
 * JobsDockerE2E} runs the same tests on the Docker runtime).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsKubectlE2E {
  @TempDir static Path home;
  ClusterKubectl kubectl;

  /** The runtime the cluster's node runs pods with. */
  String runtime() {
    return "process";
  }

  /** What the runtime needs before the cluster starts. */
  void prepare() throws Exception {}

  @BeforeAll
  void startCluster() throws Exception {
    prepare();
    kubectl = ClusterKubectl.up(home, "jobs", runtime());
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (kubectl != null) {
      kubectl.down();
    }
  }

  @Test
  void createJobWaitsCompleteShowsLogsTablesDescribeAndDeleteTakesThePods() throws Exception {
    ok("create", "job", "hello", "--image=skiff/busybox:1", "--", "sh", "-c", "echo done");
    ok("wait", "--for=condition=complete", "job/hello", "--timeout=60s");

    assertThat(ok("logs", "job/hello")).isEqualTo("done\n");
    assertThat(ok("get", "jobs", "hello"))
        .containsPattern("NAME\\s+STATUS\\s+COMPLETIONS\\s+DURATION\\s+AGE")
        .containsPattern("hello\\s+Complete\\s+1/1\\s+\\d+s\\s+\\d+s");
    assertThat(ok("get", "jobs", "hello", "-o", "wide"))
        .containsPattern("CONTAINERS\\s+IMAGES\\s+SELECTOR")
        .containsPattern("hello\\s+skiff/busybox:1\\s+batch.kubernetes.io/controller-uid=");
    assertThat(ok("get", "pods", "-l", "job-name=hello"))
        .containsPattern("hello-\\S+\\s+0/1\\s+Completed");
    assertThat(ok("describe", "job", "hello"))
        .contains("Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed")
        .contains("Created pod: hello-")
        .contains("Job completed");
    assertThat(ok("get", "job", "hello", "-o", "jsonpath={.status.conditions[*].type}"))
        .isEqualTo("SuccessCriteriaMet Complete");

    ok("delete", "job", "hello");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(kubectl("get", "pods", "-l", "job-name=hello", "-o", "name").stdout())
                    .isEmpty());
  }

  @Test
  void aFailingJobReachesBackoffLimitExceeded() throws Exception {
    apply(
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: fails}
        spec:
          backoffLimit: 0
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: skiff/busybox:1, command: [sh, -c, "exit 3"]}]
        """);
    ok("wait", "--for=condition=failed", "job/fails", "--timeout=60s");
    assertThat(
            ok(
                "get",
                "job",
                "fails",
                "-o",
                "jsonpath={.status.conditions[?(@.type==\"Failed\")].reason}"))
        .isEqualTo("BackoffLimitExceeded");
    assertThat(ok("get", "jobs", "fails")).containsPattern("fails\\s+Failed\\s+0/1");
  }

  @Test
  void refusesATemplateThatRestartsAlwaysWithKubernetesMessage() throws Exception {
    ProcessResult bad =
        applyResult(
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: always}
            spec:
              template:
                spec:
                  containers: [{name: c, image: skiff/busybox:1}]
            """);
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.stderr())
        .contains(
            "The Job \"always\" is invalid: spec.template.spec.restartPolicy: Required value:"
                + " valid values: \"OnFailure\", \"Never\"");
  }

  @Test
  void aCronJobEveryMinuteFiresAndCreateJobFromCronJobRunsItNow() throws Exception {
    ok(
        "create",
        "cronjob",
        "tick",
        "--image=skiff/busybox:1",
        "--schedule=*/1 * * * *",
        "--",
        "sh",
        "-c",
        "echo tick");
    assertThat(ok("get", "cronjobs"))
        .containsPattern(
            "NAME\\s+SCHEDULE\\s+TIMEZONE\\s+SUSPEND\\s+ACTIVE\\s+LAST SCHEDULE\\s+AGE")
        .containsPattern("tick\\s+\\*/1 \\* \\* \\* \\*\\s+<none>\\s+False\\s+\\d");

    ok("create", "job", "tick-now", "--from=cronjob/tick");
    assertThat(
            ok(
                "get",
                "job",
                "tick-now",
                "-o",
                "jsonpath={.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate}"))
        .isEqualTo("manual");
    ok("wait", "--for=condition=complete", "job/tick-now", "--timeout=60s");
    assertThat(ok("logs", "job/tick-now")).isEqualTo("tick\n");

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(kubectl("get", "jobs", "-o", "name").stdout())
                    .containsPattern("job.batch/tick-\\d{8}"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        kubectl(
                                "get",
                                "cronjob",
                                "tick",
                                "-o",
                                "jsonpath={.status.lastScheduleTime}")
                            .stdout())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z"));
  }

  private String ok(String... args) throws Exception {
    return kubectl.ok(args);
  }

  private ProcessResult kubectl(String... args) throws Exception {
    return kubectl.run(args);
  }

  private void apply(String yaml) throws Exception {
    kubectl.apply(yaml);
  }

  private ProcessResult applyResult(String yaml) throws Exception {
    return kubectl.applyResult(yaml);
  }
}
