package dev.skiff.agent.pod.volume;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * emptyDirs with {@code medium: Memory}, as the kubelet makes them: a tmpfs mounted on the volume's
 * directory of the node (size: the volume's sizeLimit, else the node's allocatable memory), which
 * both runtimes then mount into the containers; unmounted before the pod's directories are removed.
 * Needs root (mount(8)); where the mount fails the volume stays a directory on disk, as before, and
 * the agent logs why. Blocking: call on the worker pool.
 */
final class MemoryMedium {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryMedium.class);

  private MemoryMedium() {}

  /** Mounts a tmpfs of {@code bytes} on {@code dir} unless one is there already. */
  static void mount(Path dir, BigDecimal bytes) throws IOException {
    if (isMountPoint(dir)) {
      return;
    }
    String out =
        run(
            List.of(
                "mount",
                "-t",
                "tmpfs",
                "-o",
                "size="
                    + bytes.setScale(0, java.math.RoundingMode.CEILING).toPlainString()
                    + ",mode=0777",
                "tmpfs",
                dir.toString()));
    if (out != null) {
      LOG.warn("emptyDir {} stays on disk: mounting a tmpfs failed: {}", dir, out);
    }
  }

  /** Unmounts every tmpfs on a directory directly under {@code emptyDirs}. */
  static void unmountAll(Path emptyDirs) throws IOException {
    if (!Files.isDirectory(emptyDirs, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(emptyDirs)) {
      for (Path dir : dirs.toList()) {
        if (isMountPoint(dir)) {
          String out = run(List.of("umount", dir.toString()));
          if (out != null) {
            LOG.warn("emptyDir {}: unmounting its tmpfs failed: {}", dir, out);
          }
        }
      }
    }
  }

  private static boolean isMountPoint(Path dir) throws IOException {
    return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
        && !Files.getAttribute(dir, "unix:dev", LinkOption.NOFOLLOW_LINKS)
            .equals(Files.getAttribute(dir.getParent(), "unix:dev", LinkOption.NOFOLLOW_LINKS));
  }

  /** Runs the command; null on success, else what it said. */
  private static String run(List<String> argv) throws IOException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return String.join(" ", argv) + ": timed out";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return "interrupted";
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.exitValue() == 0 ? null : out.isEmpty() ? "exit code " + p.exitValue() : out;
  }
}
