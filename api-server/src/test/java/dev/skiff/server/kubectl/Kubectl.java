package dev.skiff.server.kubectl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code /usr/bin/kubectl} against one kubeconfig, with its own HOME and discovery
 * cache directory, and a timeout on every run.
 */
public final class Kubectl {
  public static final Path BINARY = Path.of("/usr/bin/kubectl");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final Path kubeconfig;
  private final Path home;
  private final Path cacheDir;

  /** What one run printed. */
  public record Result(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    @Override
    public String toString() {
      return "rc=" + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  public Kubectl(Path kubeconfig, Path home, Path cacheDir) {
    this.kubeconfig = kubeconfig;
    this.home = home;
    this.cacheDir = cacheDir;
  }

  public Result run(String... args) {
    return run(DEFAULT_TIMEOUT, null, args);
  }

  /** Runs with {@code stdin} as standard input (for {@code -f -}). */
  public Result runWithInput(String stdin, String... args) {
    return run(DEFAULT_TIMEOUT, stdin, args);
  }

  public Result run(Duration timeout, String stdin, String... args) {
    Process process = start(args);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread o = drain(process.getInputStream(), out);
    Thread e = drain(process.getErrorStream(), err);
    try {
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " timed out");
      }
      o.join(5_000);
      e.join(5_000);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
    return new Result(
        process.exitValue(),
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Starts kubectl without waiting (for {@code get -w}); the caller reads and ends it. */
  public Process start(String... args) {
    List<String> command = new ArrayList<>();
    command.add(BINARY.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDir);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("KUBECONFIG");
    builder.environment().put("HOME", home.toString());
    try {
      Files.createDirectories(home);
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a stream into a buffer on a daemon thread. */
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
            "kubectl-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
