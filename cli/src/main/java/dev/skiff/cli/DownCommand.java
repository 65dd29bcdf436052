package dev.skiff.cli;

import dev.skiff.agent.FileTrees;
import dev.skiff.cli.embedded.docker.DockerCleanup;
import dev.skiff.cli.embedded.docker.DockerHost;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff down}: stop a cluster and everything it started. */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = "Stop a cluster and everything it started.",
    footer = {"", "Examples:", "  skiff down", "  skiff down --name dev --purge"})
final class DownCommand implements Callable<Integer> {
  @Option(
      names = "--name",
      defaultValue = "skiff",
      description = "Cluster name (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--purge", description = "Also delete the cluster's data directory.")
  boolean purge;

  @Override
  public Integer call() throws Exception {
    ClusterHome home = ClusterHome.of(name);
    boolean killed = false;
    Optional<ProcessHandle> process = home.runningProcess();
    if (process.isEmpty()) {
      System.out.println(
          "cluster \""
              + name
              + "\" is not running"
              + (Files.exists(home.pidFile()) ? " (its pid file is stale: removed)" : ""));
    } else {
      ProcessHandle p = process.get();
      p.destroy(); // SIGTERM: the cluster stops its pods, listeners and routes
      try {
        p.onExit().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        System.err.println("cluster did not stop within 30 s; killing it");
        killed = true;
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.onExit().get(10, TimeUnit.SECONDS);
      }
      System.out.println("cluster \"" + name + "\" stopped");
    }
    home.clearRuntimeFiles();
    ClassArchive archive = ClassArchive.forCluster(home);
    if (archive != null && killed) {
      archive.discard(); // killed perhaps while it wrote its class archive
    } else if (archive != null) {
      archive.adopt(); // the process has exited by itself: the archive it dumped is whole
    }
    if (new ClusterRegistry(home).stop()) {
      System.out.println("registry of cluster \"" + name + "\" stopped");
    }
    if (!removeDockerLeftovers(home)) {
      return 1;
    }
    if (purge && Files.exists(home.dir())) {
      FileTrees.delete(home.dir());
      System.out.println("deleted " + home.dir());
    }
    return 0;
  }

  /**
   * Docker runtime: a stopped cluster removes its containers, networks and routes itself; if its
   * record is still there (the process crashed or was killed), removes them from here.
   */
  private boolean removeDockerLeftovers(ClusterHome home) {
    try {
      Optional<DockerHost> host = DockerHost.load(home.dir());
      if (host.isPresent()) {
        DockerCleanup.Removed removed = DockerCleanup.await(home.dir(), host.get());
        if (removed.any()) {
          System.out.println("removed what the cluster left on the host: " + removed);
        }
      }
      return true;
    } catch (java.io.IOException e) {
      System.err.println(
          "error: cannot remove the Docker containers, networks or routes of cluster \""
              + name
              + "\": "
              + e.getMessage()
              + " (fix the cause and run skiff down again)");
      return false;
    }
  }
}
