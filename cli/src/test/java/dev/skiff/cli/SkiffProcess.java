package dev.skiff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code skiff} CLI or kubectl as a separate process, as a user would. */
final class SkiffProcess {
  record Result(int exitCode, String stdout, String stderr) {
    String all() {
      return stdout + stderr;
    }
  }

  private final Path home;

  SkiffProcess(Path home) {
    this.home = home;
  }

  static Path cliJar() {
    Path jar =
        Path.of(System.getProperty("skiff.cli.jar", "target/skiff-cli.jar")).toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException("the CLI is not built: " + jar + " (run the package phase)");
    }
    return jar;
  }

  Result skiff(String... args) throws IOException, InterruptedException {
    return skiffWith(List.of(), Map.of(), args);
  }

  /**
   * The CLI started through {@code wrapper} (e.g. setpriv dropping a capability) with extra
   * environment variables.
   */
  Result skiffWith(List<String> wrapper, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(wrapper);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(cliJar().toString());
    cmd.addAll(List.of(args));
    return run(cmd, env, 120);
  }

  /** Any other command (docker, ip, ss), with the same environment. */
  Result command(String... cmd) throws IOException, InterruptedException {
    return run(List.of(cmd), Map.of(), 60);
  }

  Result kubectl(Path kubeconfig, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("kubectl");
    cmd.add("--kubeconfig=" + kubeconfig);
    cmd.add("--cache-dir=" + home.resolve("kube-cache"));
    cmd.addAll(List.of(args));
    return run(cmd, Map.of(), 60);
  }

  private Result run(List<String> cmd, Map<String, String> env, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("SKIFF_HOME", home.toString());
    pb.environment().put("HOME", home.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + cmd);
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
