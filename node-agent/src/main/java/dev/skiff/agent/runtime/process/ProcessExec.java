package dev.skiff.agent.runtime.process;

import dev.skiff.agent.runtime.ExecResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an exec probe's command next to a container: same env and working directory. Blocking. */
final class ProcessExec {
  private static final int MAX_OUTPUT = 1024;

  private ProcessExec() {}

  /**
   * @param namespace how to enter the container's mount namespace (null: none); the command and
   *     {@code workDir} are then the container's view
   */
  static ExecResult run(
      List<String> command,
      Map<String, String> env,
      Path workDir,
      Duration timeout,
      java.util.function.UnaryOperator<List<String>> namespace)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile("skiff-exec", ".out");
    try {
      List<String> argv = new java.util.ArrayList<>(command);
      Path start = workDir;
      if (namespace == null) {
        argv.set(0, ProcessLauncher.resolve(argv.get(0), env.get("PATH"), workDir));
      } else {
        argv = namespace.apply(argv);
        start = Path.of("/");
      }
      ProcessBuilder builder =
          new ProcessBuilder(argv)
              .directory(start.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        ProcessGroups.signalTree(process.toHandle(), true);
        return new ExecResult(-1, "", true);
      }
      byte[] bytes = Files.readAllBytes(output);
      String text =
          new String(bytes, 0, Math.min(bytes.length, MAX_OUTPUT), StandardCharsets.UTF_8);
      return new ExecResult(process.exitValue(), text, false);
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
