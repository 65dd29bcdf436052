package dev.skiff.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff status}: is the cluster running, and where. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show whether a cluster is running and how to reach it.")
final class StatusCommand implements Callable<Integer> {
  @Option(
      names = "--name",
      defaultValue = "skiff",
      description = "Cluster name (default: ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() throws Exception {
    ClusterHome home = ClusterHome.of(name);
    if (home.runningProcess().isEmpty() || !Files.exists(home.readyFile())) {
      System.out.println("cluster \"" + name + "\": not running");
      return 3;
    }
    ReadyInfo info = ReadyInfo.readFrom(home.readyFile());
    System.out.println(
        "cluster \""
            + name
            + "\": running (pid "
            + home.runningProcess().get().pid()
            + ", "
            + RuntimeChoice.kept(home)
            + " runtime)");
    System.out.println("  API server:  " + info.server());
    info.nodes().forEach(n -> System.out.println("  node:        " + n));
    if (info.addresses() != null) {
      System.out.println("  addresses:   " + info.addresses());
    }
    System.out.println("  kubeconfig:  " + info.kubeconfig());
    return 0;
  }
}
