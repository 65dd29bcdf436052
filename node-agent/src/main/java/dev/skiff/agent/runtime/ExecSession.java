package dev.skiff.agent.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A command running in a container with its stdio connected to a client (exec), or a client joined
 * to a container's main process (attach). The streams are blocking: callers pump them on their own
 * threads, never on an event loop.
 */
public interface ExecSession {

  /** The command's stdin, or null when the client sends none. Closing it half-closes stdin. */
  OutputStream stdin();

  /** The command's stdout (with a TTY: the terminal's output, stderr included), or null. */
  InputStream stdout();

  /** The command's stderr, or null (never with a TTY). */
  InputStream stderr();

  /** Sets the terminal size (TTY only; otherwise ignored). */
  void resize(int width, int height);

  /** Completes with the exit code when the command has exited (attach: 0 when the process ends). */
  CompletableFuture<Integer> exitCode();

  /** Ends the session: an exec's command is killed, an attached client detaches. */
  void close();
}
