package dev.skiff.agent.runtime.process;

import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file per running container process ({@code <id>.pid}: pid and start time), so that an agent
 * that restarts after a crash finds and kills what its predecessor started. The start time guards
 * against pid reuse. Blocking.
 */
final class PidFiles {
  private static final Logger LOG = LoggerFactory.getLogger(PidFiles.class);

  private final Path dir;

  PidFiles(Path dir) {
    this.dir = dir;
  }

  void record(String containerId, ProcessHandle process) {
    long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    try {
      PrivateFiles.writeString(
          dir.resolve(containerId + ".pid"), process.pid() + " " + started + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void remove(String containerId) {
    try {
      Files.deleteIfExists(dir.resolve(containerId + ".pid"));
    } catch (IOException e) {
      LOG.warn("cannot remove pid file of {}: {}", containerId, e.toString());
    }
  }

  /** Kills the process groups of every recorded process still alive; answers how many. */
  int killLeftovers() {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int killed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pid")) {
      for (Path file : files) {
        Optional<ProcessHandle> alive = liveProcess(Files.readString(file).trim());
        if (alive.isPresent()) {
          ProcessGroups.signalTree(alive.get(), true);
          ProcessGroups.killGroup(alive.get().pid());
          killed++;
        }
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return killed;
  }

  private static Optional<ProcessHandle> liveProcess(String record) {
    String[] parts = record.split(" ");
    if (parts.length != 2) {
      return Optional.empty();
    }
    long pid = Long.parseLong(parts[0]);
    long started = Long.parseLong(parts[1]);
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == started);
  }
}
