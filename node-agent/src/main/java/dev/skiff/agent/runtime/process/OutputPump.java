package dev.skiff.agent.runtime.process;

import dev.skiff.agent.logs.LineSplitter;
import dev.skiff.agent.logs.LogWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies a container's stdout and stderr into its log file, and to attached clients, one daemon
 * thread per stream; the writer is closed when both streams have ended.
 */
final class OutputPump {
  private OutputPump() {}

  static void start(String name, Process process, LogWriter writer, Attachments attached) {
    AtomicInteger open = new AtomicInteger(2);
    Runnable ended =
        () -> {
          if (open.decrementAndGet() == 0) {
            writer.close();
            attached.end();
          }
        };
    thread(
        name + "-stdout",
        process.getInputStream(),
        new LineSplitter(writer, "stdout"),
        (bytes, n) -> attached.copy(false, bytes, n),
        ended);
    thread(
        name + "-stderr",
        process.getErrorStream(),
        new LineSplitter(writer, "stderr"),
        (bytes, n) -> attached.copy(true, bytes, n),
        ended);
  }

  /** Where else a chunk of output goes. */
  private interface Copy {
    void accept(byte[] bytes, int length);
  }

  private static void thread(
      String name, InputStream in, LineSplitter lines, Copy copy, Runnable ended) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  lines.accept(buffer, n);
                  copy.accept(buffer, n);
                }
              } catch (IOException | RuntimeException e) {
                // the stream broke: the container is gone
              } finally {
                lines.finish();
                ended.run();
              }
            },
            name);
    t.setDaemon(true);
    t.start();
  }
}
