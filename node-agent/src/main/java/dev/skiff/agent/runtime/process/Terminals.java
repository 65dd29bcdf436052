package dev.skiff.agent.runtime.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Pseudo-terminals without native code: a command runs under util-linux {@code script -qefc CMD
 * /dev/null}, which gives it a terminal as its controlling tty ({@code -e} returns its exit code);
 * the terminal's size is set with {@code stty -F /dev/pts/N}, after which the kernel sends SIGWINCH
 * to its foreground process group. Blocking.
 */
final class Terminals {
  static final String SCRIPT = "/usr/bin/script";
  private static final String STTY = "/usr/bin/stty";

  private Terminals() {}

  /** {@code argv} (its executable resolved) run on a new terminal. */
  static List<String> onTerminal(List<String> argv) throws IOException {
    if (!Files.isExecutable(Path.of(SCRIPT))) {
      throw new IOException("a TTY needs util-linux script (" + SCRIPT + ") on the node");
    }
    return List.of(SCRIPT, "-qefc", "exec " + shellQuoted(argv), "/dev/null");
  }

  /** What a process started by {@link #onTerminal} needs in its environment. */
  static void environment(java.util.Map<String, String> env) {
    env.put("SHELL", "/bin/sh");
    env.putIfAbsent("TERM", "xterm");
  }

  /** Sets the size of the terminal of {@code script}'s child, once it has one. */
  static void resize(Process script, int width, int height) {
    if (width <= 0 || height <= 0) {
      return;
    }
    Optional<String> pts = terminal(script);
    if (pts.isEmpty()) {
      return;
    }
    try {
      new ProcessBuilder(
              STTY,
              "-F",
              pts.get(),
              "cols",
              Integer.toString(width),
              "rows",
              Integer.toString(height))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // the command has just exited: nothing to resize
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The terminal script gave its child (the child's stdin), waiting briefly for the fork. */
  private static Optional<String> terminal(Process script) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (script.isAlive() && System.nanoTime() < deadline) {
      Optional<ProcessHandle> child = script.toHandle().children().findFirst();
      if (child.isPresent()) {
        try {
          String target =
              Files.readSymbolicLink(Path.of("/proc", child.get().pid() + "", "fd", "0"))
                  .toString();
          if (target.startsWith("/dev/pts/")) {
            return Optional.of(target);
          }
          // a child in a container's mount namespace: its terminal's path is not the node's,
          // its controlling terminal's number is
          Optional<String> controlling = controllingPts(child.get().pid());
          if (controlling.isPresent()) {
            return controlling;
          }
        } catch (IOException e) {
          // not there yet, or gone
        }
      }
      try {
        TimeUnit.MILLISECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** {@code /dev/pts/N} from the tty_nr of /proc/PID/stat, when it is a pseudo-terminal. */
  static Optional<String> controllingPts(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    int tty = Integer.parseInt(f[4]);
    int major = (tty >> 8) & 0xfff;
    int minor = (tty & 0xff) | ((tty >> 12) & 0xfff00);
    if (major < 136 || major > 143) {
      return Optional.empty();
    }
    return Optional.of("/dev/pts/" + ((major - 136) * 256 + minor));
  }

  private static String shellQuoted(List<String> argv) {
    StringBuilder s = new StringBuilder();
    for (String arg : argv) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append('\'').append(arg.replace("'", "'\"'\"'")).append('\'');
    }
    return s.toString();
  }
}
