package dev.skiff.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a named cluster keeps its files: {@code $SKIFF_HOME/clusters/NAME} (default {@code
 * ~/.skiff}). The embedded cluster process writes {@code pid} and, once usable, {@code ready}; the
 * CLI reads them.
 */
public record ClusterHome(String name, Path dir) {
  public static ClusterHome of(String name) {
    String env = System.getenv("SKIFF_HOME");
    Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of(userHome(), ".skiff");
    return new ClusterHome(name, root.resolve("clusters").resolve(name));
  }

  /** $HOME as the shell sees it (Java's user.home comes from the password database instead). */
  static String userHome() {
    String home = System.getenv("HOME");
    return home != null && !home.isBlank() ? home : System.getProperty("user.home");
  }

  public Path kubeconfig() {
    return dir.resolve("kubeconfig");
  }

  public Path pidFile() {
    return dir.resolve("pid");
  }

  public Path readyFile() {
    return dir.resolve("ready");
  }

  public Path logFile() {
    return dir.resolve("skiff.log");
  }

  public Path dataDir() {
    return dir.resolve("data");
  }

  /** The pid of the running cluster process, if its pid file names a live process. */
  public Optional<ProcessHandle> runningProcess() {
    try {
      if (!Files.exists(pidFile())) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile()).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Removes the files that describe a running process (not the data). */
  public void clearRuntimeFiles() throws IOException {
    Files.deleteIfExists(pidFile());
    Files.deleteIfExists(readyFile());
  }
}
