package dev.skiff.cli;

import dev.skiff.cli.embedded.EmbeddedClusterMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A cluster process as its pid file records it: pid, start time and executable. A pid alone does
 * not name a process: once the cluster process is gone the system gives its pid to another one, and
 * signalling that would kill an unrelated program. A live process is the cluster's only if it
 * started at the recorded time from the recorded executable and is not a zombie (a killed JVM whose
 * parent has not reaped it yet still has its pid and start time).
 *
 * @param pid the process id
 * @param startMillis when it started (ms since the epoch, as {@link ProcessHandle.Info} tells it)
 * @param command its executable ({@link ProcessHandle.Info#command()})
 */
record ClusterProcess(long pid, long startMillis, String command) {
  private static final String MAIN_CLASS = EmbeddedClusterMain.class.getName();

  /** The record of a live process. */
  static ClusterProcess of(ProcessHandle process) {
    ProcessHandle.Info info = process.info();
    return new ClusterProcess(
        process.pid(),
        info.startInstant().map(Instant::toEpochMilli).orElse(0L),
        info.command().orElse(""));
  }

  /** The pid file's line: {@code PID START_MILLIS COMMAND}. */
  String line() {
    return pid + " " + startMillis + " " + command + "\n";
  }

  /** The record in a pid file's text; empty for anything else (a bare pid of older versions). */
  static Optional<ClusterProcess> parse(String text) {
    String[] parts = text.strip().split(" ", 3);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ClusterProcess(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The live, non-zombie process this record names, if it is still there. */
  Optional<ProcessHandle> find() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> of(p).equals(this))
        .filter(p -> !isZombie(p.pid()));
  }

  /**
   * The process a pid file of an older version (a bare pid) names, if it is a live cluster process
   * for {@code dir}: its command line runs {@code EmbeddedClusterMain} with that directory.
   */
  static Optional<ProcessHandle> findUnrecorded(String text, Path dir) {
    long pid;
    try {
      pid = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> !isZombie(p.pid()))
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .filter(c -> c.contains(MAIN_CLASS) && c.contains("--dir " + dir + " "))
                    .isPresent());
  }

  /** A process that has exited but not been reaped (state Z or X in /proc/PID/stat). */
  static boolean isZombie(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String text = Files.readString(stat);
      // "PID (COMMAND) STATE ...": COMMAND may itself hold spaces and parentheses
      String afterName = text.substring(text.lastIndexOf(')') + 1).strip();
      char state = afterName.isEmpty() ? '?' : afterName.charAt(0);
      return state == 'Z' || state == 'X';
    } catch (IOException | RuntimeException e) {
      // no /proc (not Linux) or the process is already gone: nothing says zombie
      return false;
    }
  }
}
