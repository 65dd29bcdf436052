package dev.skiff.agent.runtime.process;

import dev.skiff.agent.logs.LineSplitter;
import dev.skiff.agent.logs.LogWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies a container's stdout and stderr into its log file, one daemon thread per stream; the
 * writer is closed when both streams have ended.
 */
final class OutputPump {
  private OutputPump() {}

  static void start(String name, Process process, LogWriter writer) {
    AtomicInteger open = new AtomicInteger(2);
    Runnable ended =
        () -> {
          if (open.decrementAndGet() == 0) {
            writer.close();
          }
        };
    thread(name + "-stdout", process.getInputStream(), new LineSplitter(writer, "stdout"), ended);
    thread(name + "-stderr", process.getErrorStream(), new LineSplitter(writer, "stderr"), ended);
  }

  private static void thread(String name, InputStream in, LineSplitter lines, Runnable ended) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  lines.accept(buffer, n);
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
