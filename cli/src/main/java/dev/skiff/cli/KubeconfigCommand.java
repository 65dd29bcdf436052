package dev.skiff.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff kubeconfig}: where the cluster's kubeconfig is. */
@Command(
    name = "kubeconfig",
    mixinStandardHelpOptions = true,
    description = "Print the path of a cluster's kubeconfig.",
    footer = {
      "",
      "Examples:",
      "  export KUBECONFIG=$(skiff kubeconfig)",
      "  skiff kubeconfig --merge      then: kubectl --context skiff-skiff get nodes"
    })
final class KubeconfigCommand implements Callable<Integer> {
  @Option(
      names = "--name",
      defaultValue = "skiff",
      description = "Cluster name (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--merge",
      description =
          "Add the cluster to ~/.kube/config (or the first file of $KUBECONFIG) as context"
              + " skiff-NAME and make it the current context.")
  boolean merge;

  @Override
  public Integer call() throws java.io.IOException {
    ClusterHome home = ClusterHome.of(name);
    if (!Files.exists(home.kubeconfig())) {
      System.err.println(
          "error: cluster \"" + name + "\" has no kubeconfig; run: skiff up --name " + name);
      return 1;
    }
    if (!merge) {
      System.out.println(home.kubeconfig());
      return 0;
    }
    java.nio.file.Path target = defaultKubeconfig();
    KubeconfigMerge.merge(home.kubeconfig(), target, "skiff-" + name);
    System.out.println(
        "merged cluster \"" + name + "\" into " + target + " as context skiff-" + name);
    return 0;
  }

  private static java.nio.file.Path defaultKubeconfig() {
    String env = System.getenv("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      return java.nio.file.Path.of(env.split(java.io.File.pathSeparator)[0]);
    }
    String home = System.getenv("HOME");
    return java.nio.file.Path.of(
        home != null && !home.isBlank() ? home : System.getProperty("user.home"),
        ".kube",
        "config");
  }
}
