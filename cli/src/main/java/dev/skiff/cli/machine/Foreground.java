package dev.skiff.cli.machine;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * How a role runs in the foreground (for a terminal, systemd or a container): lines prefixed with
 * {@code skiff ROLE:}, and a stop on SIGTERM or Ctrl-C that finishes before the JVM exits.
 */
final class Foreground {
  private final String role;

  Foreground(String role) {
    this.role = role;
  }

  void say(String line) {
    System.out.println("skiff " + role + ": " + line);
  }

  void fail(String line) {
    System.err.println("skiff " + role + ": " + line);
  }

  /** The role's data directory when none is given: {@code $SKIFF_HOME/ROLE} or ~/.skiff/ROLE. */
  Path defaultDir() {
    String home = System.getenv("SKIFF_HOME");
    return home != null
        ? Path.of(home, role)
        : Path.of(System.getProperty("user.home"), ".skiff", role);
  }

  /** What stops the role; it blocks until done (on the shutdown hook's thread). */
  interface Stop {
    void run() throws Exception;
  }

  /** Says "ready", then blocks until SIGTERM or Ctrl-C has run {@code stop}. */
  void runUntilStopped(String stopping, Stop stop) throws InterruptedException {
    say("ready");
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  say(stopping);
                  try {
                    stop.run();
                    say("stopped");
                  } catch (Exception e) {
                    fail("stopping: " + e);
                  } finally {
                    System.out.flush();
                    stopped.countDown();
                  }
                },
                "skiff-" + role + "-stop"));
    stopped.await();
  }
}
