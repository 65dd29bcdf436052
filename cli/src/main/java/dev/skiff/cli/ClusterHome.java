package dev.skiff.cli;

import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a named cluster keeps its files: {@code $SKIFF_HOME/clusters/NAME} (default {@code
 * ~/.skiff}). The embedded cluster process writes {@code pid} and, once usable, {@code ready}; the
 * CLI reads them. Everything in it is private to the user ({@link PrivateFiles}): directories 0700,
 * files 0600.
 */
public record ClusterHome(String name, Path dir) {
  /** {@code skiff.log} is rotated once it is this large: while the cluster runs, and at a start. */
  public static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;

  /** Old logs kept: skiff.log.1 to skiff.log.3. */
  public static final int LOG_KEEP = 3;

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

  /**
   * Before a start: rotates {@code skiff.log} once it has reached {@link #LOG_ROTATE_BYTES} ({@code
   * skiff.log.1} the newest of at most {@link #LOG_KEEP} old ones) and creates it, 0600, if it is
   * not there.
   */
  public Path prepareLogFile() throws IOException {
    Path log = logFile();
    if (Files.exists(log) && Files.size(log) >= LOG_ROTATE_BYTES) {
      PrivateFiles.rotate(log, LOG_KEEP);
    }
    return PrivateFiles.touch(log);
  }

  public Path dataDir() {
    return dir.resolve("data");
  }

  /**
   * The running cluster process: the one its pid file names by pid, start time and executable
   * ({@link ClusterProcess}), or by its command line for a bare pid written by an older version;
   * empty when that process is gone, even if its pid now belongs to another process.
   */
  public Optional<ProcessHandle> runningProcess() {
    try {
      if (!Files.exists(pidFile())) {
        return Optional.empty();
      }
      String text = Files.readString(pidFile());
      Optional<ClusterProcess> recorded = ClusterProcess.parse(text);
      return recorded.isPresent()
          ? recorded.get().find()
          : ClusterProcess.findUnrecorded(text, dir);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Records this process as the cluster's (the pid file, 0600). */
  public void recordCurrentProcess() throws IOException {
    PrivateFiles.writeString(pidFile(), ClusterProcess.of(ProcessHandle.current()).line());
  }

  /** Removes the files that describe a running process (not the data). */
  public void clearRuntimeFiles() throws IOException {
    Files.deleteIfExists(pidFile());
    Files.deleteIfExists(readyFile());
  }
}
