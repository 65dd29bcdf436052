package dev.skiff.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.runtime.Cidr;
import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerSpec;
import dev.skiff.agent.runtime.DnsSettings;
import dev.skiff.agent.runtime.SandboxSpec;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process runtime on its own: crash recovery from pid files, process groups, exec. */
class ProcessRuntimeIT {
  @TempDir Path dir;
  Vertx vertx;
  WorkerExecutor blocking;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    blocking = vertx.createSharedWorkerExecutor("test", 4);
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  @Test
  void aNewRuntimeKillsWhatACrashedAgentLeftRunning() {
    ProcessRuntime crashed = runtime();
    startShell(crashed, "uid-1", "sleep 600 & sleep 600");
    long pid = pidOf("uid-1");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ProcessHandle.allProcesses().filter(p -> isInGroup(p, pid)).count() == 3);

    Await.result(runtime().start());

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ProcessHandle.allProcesses().noneMatch(p -> isInGroup(p, pid)));
  }

  @Test
  void aContainerWhoseMainProcessExitsLeavesNoBackgroundChildren() {
    ProcessRuntime runtime = runtime();
    startShell(runtime, "uid-2", "sleep 600 & echo started");
    long pid = pidOf("uid-2");
    await().atMost(Duration.ofSeconds(5)).until(() -> runtime.containers("uid-2").get(0).exited());

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ProcessHandle.allProcesses().noneMatch(p -> isInGroup(p, pid)));
  }

  @Test
  void execRunsNextToTheContainerWithItsEnvironment() {
    ProcessRuntime runtime = runtime();
    ContainerInfo info = startShell(runtime, "uid-3", "sleep 600");

    var result =
        Await.result(
            runtime.exec(
                info.id(), List.of("sh", "-c", "echo $GREETING; exit 4"), Duration.ofSeconds(5)));

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.output()).isEqualTo("hi\n");
    assertThat(
            Await.result(runtime.exec(info.id(), List.of("sleep", "5"), Duration.ofMillis(200)))
                .timedOut())
        .isTrue();
    Await.result(runtime.close());
  }

  private ProcessRuntime runtime() {
    return new ProcessRuntime(
        vertx,
        blocking,
        new LogStore(dir.resolve("logs"), 1 << 20, 2),
        dir.resolve("state"),
        Cidr.parse("127.1.99.0/24"));
  }

  private ContainerInfo startShell(ProcessRuntime runtime, String uid, String script) {
    Await.result(
        runtime.runSandbox(new SandboxSpec(uid, "default", uid, uid, null, DnsSettings.HOST)));
    return Await.result(
        runtime.startContainer(
            new ContainerSpec(
                uid,
                "default",
                uid,
                "main",
                0,
                "img",
                List.of("sh", "-c", "echo $$ > pid.tmp; mv pid.tmp pid; " + script),
                null,
                Map.of("GREETING", "hi"),
                null,
                false,
                false,
                List.of())));
  }

  /** The pid the container's shell wrote into its working directory. */
  private long pidOf(String uid) {
    Path file = dir.resolve("state/pods/" + uid + "/pid");
    await().atMost(Duration.ofSeconds(5)).until(() -> java.nio.file.Files.size(file) > 0);
    return Long.parseLong(
        Await.result(vertx.fileSystem().readFile(file.toString())).toString().trim());
  }

  private static boolean isInGroup(ProcessHandle p, long pgid) {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[2]) == pgid;
    } catch (Exception e) {
      return false;
    }
  }
}
