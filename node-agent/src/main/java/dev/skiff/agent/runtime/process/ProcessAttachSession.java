package dev.skiff.agent.runtime.process;

import dev.skiff.agent.runtime.ExecRequest;
import dev.skiff.agent.runtime.ExecSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A client attached to a container's main process: what it writes goes to the process's stdin (kept
 * open by the runtime when the container has {@code stdin: true}; the client's end of stdin does
 * not close it), and it reads a copy of the process's output. The session ends with the process
 * (its exit code) or when the client detaches.
 */
final class ProcessAttachSession implements ExecSession {
  private final ProcessContainer container;
  private final Attachments.Tap tap;
  private final ExecRequest request;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  ProcessAttachSession(ProcessContainer container, ExecRequest request) {
    this.container = container;
    this.request = request;
    this.tap = container.attachments.attach();
    // like the kubelet's attach: the streams end when the process does, with Success; kubectl reads
    // the container's exit code from the pod's status
    container.process.onExit().thenAccept(p -> exit.complete(0));
  }

  @Override
  public OutputStream stdin() {
    if (!request.stdin() || !container.spec.stdin()) {
      return null;
    }
    OutputStream in = container.process.getOutputStream();
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        in.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        in.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        in.flush();
      }

      @Override
      public void close() throws IOException {
        in.flush();
      }
    };
  }

  @Override
  public InputStream stdout() {
    return tap.stdout;
  }

  @Override
  public InputStream stderr() {
    return container.spec.tty() ? null : tap.stderr;
  }

  @Override
  public void resize(int width, int height) {
    if (container.spec.tty()) {
      Terminals.resize(container.process, width, height);
    }
  }

  @Override
  public CompletableFuture<Integer> exitCode() {
    return exit;
  }

  @Override
  public void close() {
    container.attachments.detach(tap);
  }
}
