package dev.skiff.agent.runtime.process;

import dev.skiff.agent.runtime.ExecRequest;
import dev.skiff.agent.runtime.ExecSession;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An exec'd command of the process runtime: a child of the agent in its own session, with the
 * container's environment and working directory and piped stdio. With a TTY the command runs under
 * util-linux {@code script -qefc CMD /dev/null}, which allocates a pseudo-terminal without native
 * code: the command sees a terminal (echo, line discipline, stderr merged into it), {@code -e}
 * returns its exit code, and a resize sets the terminal's size with {@code stty -F /dev/pts/N} (the
 * kernel then sends SIGWINCH to its foreground process group). Blocking.
 */
final class ProcessExecSession implements ExecSession {
  private static final String SCRIPT = "/usr/bin/script";
  private static final String STTY = "/usr/bin/stty";

  private final Process process;
  private final boolean tty;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private ProcessExecSession(Process process, boolean tty) {
    this.process = process;
    this.tty = tty;
    process.onExit().thenAccept(p -> exit.complete(p.exitValue()));
  }

  static ProcessExecSession start(ExecRequest request, Map<String, String> env, Path workDir)
      throws IOException {
    List<String> argv = new ArrayList<>(request.command());
    argv.set(0, ProcessLauncher.resolve(argv.get(0), env.get("PATH"), workDir));
    List<String> command = new ArrayList<>();
    if (request.tty()) {
      if (!Files.isExecutable(Path.of(SCRIPT))) {
        throw new IOException("a TTY needs util-linux script (" + SCRIPT + ") on the node");
      }
      command.addAll(List.of(SCRIPT, "-qefc", "exec " + shellQuoted(argv), "/dev/null"));
    } else {
      command.add("/usr/bin/setsid");
      command.addAll(argv);
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    if (request.tty()) {
      builder.environment().put("SHELL", "/bin/sh");
      builder.environment().putIfAbsent("TERM", "xterm");
      builder.redirectErrorStream(true);
    }
    if (!request.stdin()) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    return new ProcessExecSession(builder.start(), request.tty());
  }

  @Override
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  @Override
  public InputStream stdout() {
    return process.getInputStream();
  }

  @Override
  public InputStream stderr() {
    return tty ? null : process.getErrorStream();
  }

  @Override
  public void resize(int width, int height) {
    if (!tty || width <= 0 || height <= 0) {
      return;
    }
    terminal()
        .ifPresent(
            pts -> {
              try {
                new ProcessBuilder(
                        STTY,
                        "-F",
                        pts,
                        "cols",
                        Integer.toString(width),
                        "rows",
                        Integer.toString(height))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
              } catch (IOException e) {
                // the command has just exited: nothing to resize
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  @Override
  public CompletableFuture<Integer> exitCode() {
    return exit;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      ProcessGroups.signalTree(process.toHandle(), true);
    }
  }

  /** The pseudo-terminal script gave its child: the child's stdin, once it has been forked. */
  private Optional<String> terminal() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (process.isAlive() && System.nanoTime() < deadline) {
      Optional<ProcessHandle> child = process.toHandle().children().findFirst();
      if (child.isPresent()) {
        try {
          String target =
              Files.readSymbolicLink(Path.of("/proc", child.get().pid() + "", "fd", "0"))
                  .toString();
          if (target.startsWith("/dev/pts/")) {
            return Optional.of(target);
          }
        } catch (IOException e) {
          // not there yet, or gone
        }
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String shellQuoted(List<String> argv) {
    StringBuilder s = new StringBuilder();
    for (String arg : argv) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append('\'').append(arg.replace("'", "'\"'\"'")).append('\'');
    }
    return s.toString();
  }
}
