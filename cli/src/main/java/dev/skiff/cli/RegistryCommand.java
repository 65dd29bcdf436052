package dev.skiff.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code skiff registry start|stop|status}: the cluster's local image registry. */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description =
        "The cluster's image registry (Debian's docker-registry) on localhost: push to it with"
            + " docker push or Jib, use localhost:PORT/NAME:TAG as the image in pods.",
    subcommands = {
      RegistryCommand.Start.class,
      RegistryCommand.Stop.class,
      RegistryCommand.Status.class
    },
    footer = {
      "",
      "Examples:",
      "  skiff registry start                      localhost:5000 (or the port it had)",
      "  docker tag app:1 localhost:5000/app:1 && docker push localhost:5000/app:1",
      "  skiff registry start --htpasswd users     only users of `htpasswd -Bc users NAME`",
      "  skiff registry stop"
    })
final class RegistryCommand extends ClusterGroupCommand {
  ClusterRegistry registry() {
    return new ClusterRegistry(home());
  }

  @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the registry.")
  static final class Start implements Callable<Integer> {
    @ParentCommand RegistryCommand parent;

    @Option(names = "--port", description = "Port on 127.0.0.1 (default: the last one, or 5000).")
    Integer port;

    @Option(
        names = "--htpasswd",
        description = "Users allowed to push and pull (bcrypt entries: htpasswd -B).")
    Path htpasswd;

    @Override
    public Integer call() throws Exception {
      try {
        String address = parent.registry().start(port, htpasswd);
        printUsage(address, htpasswd != null);
        return 0;
      } catch (java.io.IOException | IllegalStateException e) {
        System.err.println("error: the registry did not start: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the registry.")
  static final class Stop implements Callable<Integer> {
    @ParentCommand RegistryCommand parent;

    @Override
    public Integer call() throws Exception {
      boolean stopped = parent.registry().stop();
      System.out.println(
          "registry of cluster \""
              + parent.name
              + "\" "
              + (stopped ? "stopped (its images are kept)" : "is not running"));
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Is it running, where.")
  static final class Status implements Callable<Integer> {
    @ParentCommand RegistryCommand parent;

    @Override
    public Integer call() throws Exception {
      ClusterRegistry registry = parent.registry();
      if (registry.running().isEmpty()) {
        System.out.println("registry of cluster \"" + parent.name + "\": not running");
        return 3;
      }
      System.out.println(
          "registry of cluster \""
              + parent.name
              + "\": running at "
              + registry.address().orElseThrow());
      return 0;
    }
  }

  /** How to use a registry at {@code address}: printed by {@code registry start} and {@code up}. */
  static void printUsage(String address, boolean auth) {
    System.out.println("  registry:    " + address + (auth ? " (htpasswd users only)" : ""));
    System.out.println("    push:      docker tag IMAGE " + address + "/NAME:TAG");
    System.out.println("               docker push " + address + "/NAME:TAG");
    System.out.println("    in pods:   image: " + address + "/NAME:TAG");
    if (auth) {
      System.out.println(
          "    secret:    kubectl create secret docker-registry regcred --docker-server="
              + address
              + " --docker-username=USER --docker-password=PASSWORD");
    }
  }
}
