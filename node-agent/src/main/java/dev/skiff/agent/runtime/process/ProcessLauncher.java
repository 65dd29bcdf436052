package dev.skiff.agent.runtime.process;

import dev.skiff.agent.runtime.RuntimeFailure;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Starts a container's command as a child process: its own session and process group ({@code
 * setsid}), a clean environment (PATH, HOME, HOSTNAME, POD_IP, then the container's env), stdin
 * from /dev/null, stdout and stderr as pipes. Blocking.
 */
final class ProcessLauncher {
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final boolean SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"));

  private ProcessLauncher() {}

  static Process start(List<String> argv, Map<String, String> env, Path workDir) {
    return start(argv, env, workDir, false, false);
  }

  /**
   * @param stdin keep a pipe to the process's stdin open (the container's {@code stdin: true}), for
   *     clients that attach
   * @param tty run it on a pseudo-terminal ({@link Terminals}; stderr joins stdout)
   */
  static Process start(
      List<String> argv, Map<String, String> env, Path workDir, boolean stdin, boolean tty) {
    return start(argv, env, workDir, stdin, tty, null);
  }

  /**
   * @param namespace how to run the command in the container's mount namespace (null: on the node
   *     as it is): then {@code workDir} and the command are the container's view, checked there
   */
  static Process start(
      List<String> argv,
      Map<String, String> env,
      Path workDir,
      boolean stdin,
      boolean tty,
      UnaryOperator<List<String>> namespace) {
    if (argv.isEmpty()) {
      throw new RuntimeFailure(
          RuntimeFailure.CREATE_CONTAINER_ERROR,
          "no command specified: the process runtime runs the container's command and args "
              + "(images are recorded, not run)");
    }
    if (namespace == null && !Files.isDirectory(workDir)) {
      throw new RuntimeFailure(
          RuntimeFailure.CREATE_CONTAINER_ERROR,
          "working directory " + workDir + " does not exist");
    }
    List<String> resolved = new ArrayList<>(argv);
    if (namespace == null || !argv.get(0).contains("/")) {
      resolved.set(0, resolve(argv.get(0), env.getOrDefault("PATH", DEFAULT_PATH), workDir));
    }
    List<String> command = new ArrayList<>();
    Path start = namespace == null || Files.isDirectory(workDir) ? workDir : Path.of("/");
    ProcessBuilder builder = new ProcessBuilder(command).directory(start.toFile());
    if (!stdin) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      if (tty) {
        command.addAll(Terminals.onTerminal(resolved));
        Terminals.environment(builder.environment());
        builder.redirectErrorStream(true);
      } else {
        if (SETSID) {
          command.add("/usr/bin/setsid");
        }
        command.addAll(resolved);
      }
      if (namespace != null) {
        List<String> inside = namespace.apply(List.copyOf(command));
        command.clear();
        command.addAll(inside);
      }
      return builder.start();
    } catch (IOException e) {
      throw new RuntimeFailure(
          RuntimeFailure.CREATE_CONTAINER_ERROR,
          "failed to start container process: " + e.getMessage(),
          e);
    }
  }

  /**
   * The executable for {@code name}, looked up in the container's PATH as exec would; fails clearly
   * when there is none (setsid would otherwise start and only then fail).
   */
  static String resolve(String name, String path, Path workDir) {
    if (name.contains("/")) {
      Path file = workDir.resolve(name);
      if (Files.isExecutable(file) && !Files.isDirectory(file)) {
        return file.toString();
      }
      throw notFound(name, "no such file or directory");
    }
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return candidate.toString();
      }
    }
    throw notFound(name, "executable file not found in $PATH");
  }

  private static RuntimeFailure notFound(String name, String why) {
    return new RuntimeFailure(
        RuntimeFailure.CREATE_CONTAINER_ERROR,
        "failed to start container process: exec: \"" + name + "\": " + why);
  }
}
