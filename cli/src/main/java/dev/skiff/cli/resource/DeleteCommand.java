package dev.skiff.cli.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.StatusException;
import dev.skiff.cli.completion.ResourceTypeCandidates;
import dev.skiff.cli.output.ObjectText;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skiff delete}: by name, by label selector, or everything in manifests. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete resources by name, by label selector, or as listed in manifests.",
    footer = {
      "",
      "Examples:",
      "  skiff delete pod web              one pod",
      "  skiff delete svc/web deploy/web   several kinds by name",
      "  skiff delete pods -l app=web      every pod labelled app=web",
      "  skiff delete -f web.yaml          everything the manifest describes"
    })
public final class DeleteCommand extends NamedClusterCommand {
  @Parameters(
      paramLabel = "TYPE [NAME...] | TYPE/NAME...",
      arity = "0..*",
      completionCandidates = ResourceTypeCandidates.class,
      description = "What to delete.")
  List<String> args = new ArrayList<>();

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE",
      description = "Delete the objects of these manifests (file, directory or -).")
  List<String> filenames = new ArrayList<>();

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Label selector.")
  String selector;

  @Option(names = "--all", description = "Every object of the type in the namespace.")
  boolean all;

  @Option(names = "--ignore-not-found", description = "Treat a missing object as deleted.")
  boolean ignoreNotFound;

  @Option(
      names = "--wait",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Wait until the objects are gone (default: ${DEFAULT-VALUE}).")
  boolean await;

  @Option(
      names = "--timeout",
      defaultValue = "60",
      paramLabel = "SECONDS",
      description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--grace-period",
      paramLabel = "SECONDS",
      description = "Seconds the pods get to stop (0 = at once).")
  Long gracePeriod;

  private List<ResourceArgs.Target> targets = List.of();

  @Override
  protected void validate() {
    if (!filenames.isEmpty()) {
      if (!args.isEmpty()) {
        throw CliException.usage("do not give resources as arguments together with -f");
      }
      return;
    }
    targets = ResourceArgs.parse(args);
    boolean named = targets.stream().anyMatch(t -> t.name() != null);
    boolean bySelector = selector != null || all;
    if (named && bySelector) {
      throw CliException.usage("name cannot be provided when a selector or --all is specified");
    }
    if (!named && !bySelector) {
      throw CliException.usage(
          "resource(s) were provided, but no name was specified; use -l SELECTOR or --all");
    }
  }

  @Override
  protected int run(Session session) {
    List<ManifestTarget> victims = new ArrayList<>();
    if (!filenames.isEmpty()) {
      for (Manifests.Manifest m : Manifests.read(filenames, System.in)) {
        victims.add(ManifestTarget.of(m, cluster.namespace(), session.namespace()));
      }
    } else {
      for (ResourceArgs.Target t : targets) {
        String ns = Fetch.namespace(t.type(), session.namespace());
        if (t.name() != null) {
          victims.add(new ManifestTarget(t.type(), ns, t.name()));
        } else {
          Fetch.list(session, t.type(), ns, ListOptions.labelSelector(selector))
              .forEach(o -> victims.add(new ManifestTarget(t.type(), ns, Fetch.name(o))));
        }
      }
      if (victims.isEmpty()) {
        err().println("No resources found");
        return 0;
      }
    }
    DeleteOptions options = DeleteOptions.propagation(DeleteOptions.Propagation.Background);
    if (gracePeriod != null) {
      options = options.withGracePeriodSeconds(gracePeriod);
    }
    int exit = 0;
    List<ManifestTarget> lingering = new ArrayList<>();
    for (ManifestTarget v : victims) {
      try {
        ObjectNode answer =
            session.await(session.raw().delete(v.type(), v.namespace(), v.name(), options));
        out().println(ObjectText.kindName(v.type()) + " \"" + v.name() + "\" deleted");
        if (answer.path("metadata").hasNonNull("deletionTimestamp")) {
          lingering.add(v);
        }
      } catch (StatusException e) {
        if (!(ignoreNotFound && e.code() == 404)) {
          err().print(ErrorText.of(e));
          exit = CliException.FAILED;
        }
      }
      out().flush();
    }
    if (await && !waitUntilGone(session, lingering)) {
      exit = CliException.FAILED;
    }
    return exit;
  }

  private boolean waitUntilGone(Session session, List<ManifestTarget> lingering) {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    for (ManifestTarget v : lingering) {
      while (exists(session, v.type(), v.namespace(), v.name())) {
        if (System.nanoTime() > deadline) {
          err()
              .println(
                  "error: timed out waiting for "
                      + ObjectText.name(v.type(), v.name())
                      + " to be deleted");
          return false;
        }
        session.await(session.vertx().timer(100));
      }
    }
    return true;
  }

  private static boolean exists(Session session, ResourceType type, String ns, String name) {
    try {
      session.await(session.raw().get(type, ns, name));
      return true;
    } catch (StatusException e) {
      if (e.code() == 404) {
        return false;
      }
      throw e;
    }
  }
}
