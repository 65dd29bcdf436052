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
      RegistryCommand.class,
      dev.skiff.cli.image.ImageCommand.class,
      dev.skiff.cli.machine.ServerCommand.class,
      dev.skiff.cli.machine.AgentCommand.class,
      dev.skiff.cli.resource.GetCommand.class,
      dev.skiff.cli.resource.DescribeCommand.class,
      dev.skiff.cli.resource.ApplyCommand.class,
      dev.skiff.cli.resource.DeleteCommand.class,
      dev.skiff.cli.resource.LogsCommand.class,
      dev.skiff.cli.resource.RunCommand.class,
      dev.skiff.cli.resource.ExposeCommand.class,
      dev.skiff.cli.resource.ScaleCommand.class,
      dev.skiff.cli.top.TopCommand.class,
      dev.skiff.cli.trace.TraceCommand.class,
      dev.skiff.cli.completion.CompletionCommand.class,
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
    CommandLine.Help.Ansi ansi =
        dev.skiff.cli.output.Colors.detect().enabled()
            ? CommandLine.Help.Ansi.ON
            : CommandLine.Help.Ansi.OFF;
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setColorScheme(CommandLine.Help.defaultColorScheme(ansi))
        .execute(args);
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
