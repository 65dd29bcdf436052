package dev.skiff.agent.runtime.process;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Signals for a container's processes. Each container runs as the leader of its own session and
 * process group (started through {@code setsid}), so a group kill also reaches children that were
 * re-parented after their parent exited. Blocking.
 */
final class ProcessGroups {
  private ProcessGroups() {}

  /** SIGTERM (or SIGKILL with {@code force}) to the process and every live descendant. */
  static void signalTree(ProcessHandle root, boolean force) {
    Stream.concat(Stream.of(root), root.descendants())
        .forEach(
            p -> {
              if (force) {
                p.destroyForcibly();
              } else {
                p.destroy();
              }
            });
  }

  /** SIGKILL to the whole process group {@code pgid} (whatever is left of a container). */
  static void killGroup(long pgid) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-KILL", "--", "-" + pgid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      kill.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no kill binary: signalTree has already reached what it could
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
