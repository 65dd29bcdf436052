package dev.skiff.cli.embedded;

import dev.skiff.api.files.PrivateFiles;
import dev.skiff.cli.ClusterHome;
import dev.skiff.cli.ReadyInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The process behind {@code skiff up}: runs an {@link EmbeddedCluster}, writes {@code pid} and
 * {@code ready} into the cluster directory, and stops the cluster cleanly on SIGTERM or Ctrl-C.
 */
public final class EmbeddedClusterMain {
  private EmbeddedClusterMain() {}

  public static void main(String[] args) {
    System.exit(run(args, false));
  }

  /** {@code skiff up --foreground}: same as the background process, attached to the terminal. */
  public static int runForeground(String[] args) {
    return run(args, true);
  }

  private static int run(String[] args, boolean foreground) {
    EmbeddedOptions options = EmbeddedOptions.parse(args);
    ClusterHome home = new ClusterHome(options.name(), options.dir());
    if (!foreground) {
      logToRotatingFile(home);
    }
    EmbeddedCluster cluster = new EmbeddedCluster(options);
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      PrivateFiles.createDirectories(options.dir());
      home.recordCurrentProcess();
      ReadyInfo info =
          cluster.start().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      cluster
                          .stop()
                          .toCompletionStage()
                          .toCompletableFuture()
                          .get(20, TimeUnit.SECONDS);
                      home.clearRuntimeFiles();
                    } catch (Exception e) {
                      System.err.println("skiff: error while stopping: " + e);
                    } finally {
                      stopped.countDown();
                    }
                  },
                  "skiff-shutdown"));
      info.writeTo(home.readyFile());
      if (foreground) {
        System.out.println("Cluster \"" + options.name() + "\" is ready: " + info.server());
        System.out.println("  kubeconfig: " + info.kubeconfig());
        info.notices().forEach(notice -> System.out.println("  ! " + notice));
        System.out.println("Press Ctrl-C to stop it.");
      }
      stopped.await();
      return 0;
    } catch (Exception e) {
      System.err.println("skiff: the cluster failed to start: " + rootMessage(e));
      try {
        cluster.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        home.clearRuntimeFiles();
      } catch (Exception ignored) {
        // already failing; the message above names the cause
      }
      return 1;
    }
  }

  /**
   * The background process writes {@code skiff.log} itself and rotates it while it runs (what the
   * JVM prints before this, or natively, still goes where {@code skiff up} sent it: the same file).
   */
  private static void logToRotatingFile(ClusterHome home) {
    try {
      PrintStream log =
          RotatingLog.printStream(
              home.logFile(), ClusterHome.LOG_ROTATE_BYTES, ClusterHome.LOG_KEEP);
      System.setOut(log);
      System.setErr(log);
    } catch (IOException e) {
      System.err.println("skiff: cannot open " + home.logFile() + ", logging here: " + e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
