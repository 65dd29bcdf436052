package dev.skiff.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command (kubectl, dig, docker, the CLI) as a separate process, always with a timeout. */
public final class Processes {
  private Processes() {}

  /**
   * A second JVM of the test: {@code main} with the test JVM's class path, {@code jvmOptions}
   * before the class name and {@code args} after it (not started: redirect its streams, then start
   * it).
   */
  public static ProcessBuilder javaMain(List<String> jvmOptions, Class<?> main, String... args) {
    List<String> command = new java.util.ArrayList<>();
    command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** {@code command} with the test JVM's environment, no input. */
  public static ProcessResult run(Duration timeout, String... command) {
    return run(new ProcessBuilder(command), null, timeout);
  }

  /**
   * Starts {@code builder}, writes {@code stdin} (none if null) and closes it, and collects both
   * outputs until the process ends. A process still running after {@code timeout} is killed and the
   * run fails with an {@link IllegalStateException}.
   */
  public static ProcessResult run(ProcessBuilder builder, String stdin, Duration timeout) {
    List<String> command = builder.command();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread o = drain(process.getInputStream(), out);
    Thread e = drain(process.getErrorStream(), err);
    try {
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException ignored) {
        // the process does not read its input (or has ended already)
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out after " + timeout + ": " + command);
      }
      o.join(5_000);
      e.join(5_000);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
    return new ProcessResult(process.exitValue(), text(out), text(err));
  }

  /** Copies a stream into {@code sink} on a daemon thread (lock {@code sink} to read it). */
  public static Thread drain(InputStream in, ByteArrayOutputStream sink) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  synchronized (sink) {
                    sink.write(buffer, 0, n);
                  }
                }
              } catch (IOException ignored) {
                // process ended
              }
            },
            "process-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String text(ByteArrayOutputStream sink) {
    synchronized (sink) {
      return sink.toString(StandardCharsets.UTF_8);
    }
  }
}
