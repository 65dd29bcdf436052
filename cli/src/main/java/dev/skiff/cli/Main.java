package dev.skiff.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code skiff} command. */
@Command(
    name = "skiff",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Run and use small local Kubernetes-style clusters.",
    subcommands = {
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      KubeconfigCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  skiff up                 start the cluster 'skiff' and wait until it is usable",
      "  skiff kubeconfig         print the path of its kubeconfig",
      "  skiff down --purge       stop it and delete its data"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests and the launcher). */
  public static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"skiff " + (v == null ? "dev" : v)};
    }
  }
}
