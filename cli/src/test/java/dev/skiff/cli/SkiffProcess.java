package dev.skiff.cli;

import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import dev.skiff.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the built {@code skiff} CLI or kubectl as a separate process, as a user would. */
final class SkiffProcess {
  private static final Duration CLI_TIMEOUT = Duration.ofSeconds(120);

  private final Path home;

  SkiffProcess(Path home) {
    this.home = home;
  }

  /** The command that runs the built CLI as a long-lived role of its own: {@code skiff ARGS}. */
  static List<String> roleCommand(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-jar");
    command.add(cliJar().toString());
    command.addAll(List.of(args));
    return command;
  }

  static Path cliJar() {
    Path jar =
        Path.of(System.getProperty("skiff.cli.jar", "target/skiff-cli.jar")).toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException("the CLI is not built: " + jar + " (run the package phase)");
    }
    return jar;
  }

  ProcessResult skiff(String... args) throws IOException, InterruptedException {
    return skiffWith(List.of(), Map.of(), args);
  }

  /**
   * The CLI started through {@code wrapper} (e.g. setpriv dropping a capability) with extra
   * environment variables.
   */
  ProcessResult skiffWith(List<String> wrapper, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(wrapper);
    cmd.addAll(cli(args));
    return run(cmd, env, null, CLI_TIMEOUT);
  }

  /** The CLI with {@code stdin} as its standard input. */
  ProcessResult skiffWithInput(String stdin, String... args)
      throws IOException, InterruptedException {
    return run(cli(args), Map.of(), stdin, CLI_TIMEOUT);
  }

  /** Any other command (docker, ip, ss), with the same environment. */
  ProcessResult command(String... cmd) throws IOException, InterruptedException {
    return run(List.of(cmd), Map.of(), null, Duration.ofSeconds(60));
  }

  ProcessResult kubectl(Path kubeconfig, String... args) throws IOException, InterruptedException {
    return Kubectl.in(home, kubeconfig).run(args);
  }

  private static List<String> cli(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(cliJar().toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  private ProcessResult run(
      List<String> cmd, Map<String, String> env, String stdin, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("SKIFF_HOME", home.toString());
    pb.environment().put("HOME", home.toString());
    pb.environment().putAll(env);
    return Processes.run(pb, stdin, timeout);
  }
}
