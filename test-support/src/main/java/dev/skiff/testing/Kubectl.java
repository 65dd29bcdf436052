package dev.skiff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the real {@code /usr/bin/kubectl} against one kubeconfig, with its own HOME and discovery
 * cache directory, and a timeout on every run.
 */
public record Kubectl(Path kubeconfig, Path home, Path cacheDir) {
  public static final Path BINARY = Path.of("/usr/bin/kubectl");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  /** kubectl with {@code dir} as HOME, {@code dir/kube-cache} as cache and for manifest files. */
  public static Kubectl in(Path dir, Path kubeconfig) {
    return new Kubectl(kubeconfig, dir, dir.resolve("kube-cache"));
  }

  public ProcessResult run(String... args) {
    return run(DEFAULT_TIMEOUT, null, args);
  }

  /** Runs with {@code stdin} as standard input (for {@code -f -}). */
  public ProcessResult runWithInput(String stdin, String... args) {
    return run(DEFAULT_TIMEOUT, stdin, args);
  }

  public ProcessResult run(Duration timeout, String stdin, String... args) {
    createHome();
    return Processes.run(builder(args), stdin, timeout);
  }

  /** Applies a manifest given inline (written to a file under HOME first). */
  public ProcessResult apply(String yaml) {
    try {
      Path file = Files.createTempFile(createHome(), "manifest", ".yaml");
      Files.writeString(file, yaml);
      return run("apply", "-f", file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts kubectl without waiting (for {@code get -w}); the caller reads and ends it. */
  public Process start(String... args) {
    createHome();
    try {
      return builder(args).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessBuilder builder(String... args) {
    List<String> command = new ArrayList<>();
    command.add(BINARY.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDir);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("KUBECONFIG");
    builder.environment().put("HOME", home.toString());
    return builder;
  }

  private Path createHome() {
    try {
      return Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
