package dev.skiff.agent.runtime.process;

import dev.skiff.agent.runtime.ExecRequest;
import dev.skiff.agent.runtime.ExecSession;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An exec'd command of the process runtime: a child of the agent in its own session, with the
 * container's environment and working directory and piped stdio; with a TTY it runs on a
 * pseudo-terminal ({@link Terminals}: stderr is then part of the terminal's output). Blocking.
 */
final class ProcessExecSession implements ExecSession {
  private final Process process;
  private final boolean tty;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private ProcessExecSession(Process process, boolean tty) {
    this.process = process;
    this.tty = tty;
    process.onExit().thenAccept(p -> exit.complete(p.exitValue()));
  }

  /**
   * @param namespace how to enter the container's mount namespace (null: none)
   */
  static ProcessExecSession start(
      ExecRequest request,
      Map<String, String> env,
      Path workDir,
      java.util.function.UnaryOperator<List<String>> namespace) {
    return new ProcessExecSession(
        ProcessLauncher.start(
            request.command(), env, workDir, request.stdin(), request.tty(), namespace),
        request.tty());
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
    if (tty) {
      Terminals.resize(process, width, height);
    }
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
}
