package dev.skiff.agent.logs;

import dev.skiff.agent.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-container log files in CRI format, laid out like the kubelet's {@code /var/log/pods}: {@code
 * ROOT/<ns>_<pod>_<uid>/<container>/<attempt>.log}, rotated to {@code <attempt>.log.1} (newest) ...
 * {@code .log.N}. Knows which logs are still being written, so followers know when to stop. All
 * methods do file I/O: call them off the event loop.
 */
public final class LogStore {
  private final Path root;
  private final long maxBytes;
  private final int maxFiles;
  private final Map<LogKey, LogWriter> writers = new ConcurrentHashMap<>();

  /**
   * @param maxBytes size at which the current file is rotated
   * @param maxFiles files kept per container instance, the current one included
   */
  public LogStore(Path root, long maxBytes, int maxFiles) {
    this.root = root;
    this.maxBytes = maxBytes;
    this.maxFiles = Math.max(1, maxFiles);
  }

  public Path podDir(String namespace, String pod, String podUid) {
    return root.resolve(namespace + "_" + pod + "_" + podUid);
  }

  public Path file(LogKey key) {
    return podDir(key.namespace(), key.pod(), key.podUid())
        .resolve(key.container())
        .resolve(key.attempt() + ".log");
  }

  /** Opens (appending) the writer of {@code key}; closing it marks the log complete. */
  public LogWriter open(LogKey key) {
    Path file = file(key);
    LogWriter writer = new LogWriter(file, maxBytes, maxFiles, () -> writers.remove(key));
    writers.put(key, writer);
    return writer;
  }

  /** True while a writer of {@code key} is open (its container may still produce output). */
  public boolean isWriting(LogKey key) {
    return writers.containsKey(key);
  }

  /** The existing files of {@code key}, oldest first, the current file last. */
  public List<Path> files(LogKey key) {
    Path current = file(key);
    List<Path> files = new ArrayList<>();
    for (int i = maxFiles + 8; i >= 1; i--) {
      Path rotated = current.resolveSibling(current.getFileName() + "." + i);
      if (Files.exists(rotated)) {
        files.add(rotated);
      }
    }
    if (Files.exists(current)) {
      files.add(current);
    }
    return files;
  }

  /** Deletes the logs of a pod (all containers, all attempts). */
  public void deletePod(String namespace, String pod, String podUid) {
    FileTrees.delete(podDir(namespace, pod, podUid));
  }
}
