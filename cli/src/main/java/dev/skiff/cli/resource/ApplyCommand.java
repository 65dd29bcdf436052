package dev.skiff.cli.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.PatchOptions;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.status.StatusException;
import dev.skiff.cli.output.ObjectText;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skiff apply -f}: server-side apply (PATCH {@code application/apply-patch+yaml}, field
 * manager {@code skiff}) of every object in the manifests; creates or updates.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Create or update resources from YAML or JSON manifests (server-side apply).",
      "Prints <kind>/<name> created, configured or unchanged for each object."
    },
    footer = {
      "",
      "Examples:",
      "  skiff apply -f web.yaml              every document in the file",
      "  skiff apply -f manifests/            every .yaml, .yml and .json file in a directory",
      "  cat web.yaml | skiff apply -f -      from stdin",
      "  skiff apply -f web.yaml --dry-run    validate on the server, change nothing"
    })
public final class ApplyCommand extends NamedClusterCommand {
  static final String FIELD_MANAGER = "skiff";

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE",
      required = true,
      description = "A file, a directory, or - for stdin (repeatable).")
  List<String> filenames = new ArrayList<>();

  @Option(names = "--force-conflicts", description = "Take over fields owned by other managers.")
  boolean forceConflicts;

  @Option(names = "--dry-run", description = "Ask the server to validate only (dryRun=All).")
  boolean dryRun;

  @Override
  protected int run(Session session) {
    List<Manifests.Manifest> manifests = Manifests.read(filenames, System.in);
    if (manifests.isEmpty()) {
      throw CliException.failed("no objects passed to apply");
    }
    int exit = 0;
    for (Manifests.Manifest manifest : manifests) {
      try {
        out().println(apply(session, manifest));
      } catch (StatusException e) {
        exit = CliException.FAILED;
        err().print(ErrorText.of(e, null));
      } catch (CliException e) {
        exit = CliException.FAILED;
        err().println(e.getMessage());
      }
      out().flush();
      err().flush();
    }
    return exit;
  }

  private String apply(Session session, Manifests.Manifest manifest) {
    ManifestTarget target = ManifestTarget.of(manifest, cluster.namespace(), session.namespace());
    ObjectNode existing;
    try {
      existing = session.await(session.raw().get(target.type(), target.namespace(), target.name()));
    } catch (StatusException e) {
      if (e.code() != 404) {
        throw e;
      }
      existing = null;
    }
    ObjectNode result;
    try {
      result =
          session.await(
              session
                  .raw()
                  .patch(
                      target.type(),
                      target.namespace(),
                      target.name(),
                      PatchType.APPLY,
                      manifest.object(),
                      PatchOptions.apply(FIELD_MANAGER, forceConflicts).withDryRun(dryRun)));
    } catch (StatusException e) {
      String verb = existing == null ? "creating" : "patching";
      throw new CliException(
          ErrorText.of(e, verb + " \"" + manifest.source() + "\"").stripTrailing(),
          CliException.FAILED);
    }
    String outcome =
        existing == null
            ? "created"
            : resourceVersion(existing).equals(resourceVersion(result))
                ? "unchanged"
                : "configured";
    return ObjectText.name(target.type(), target.name())
        + " "
        + outcome
        + (dryRun ? " (server dry run)" : "");
  }

  private static String resourceVersion(ObjectNode object) {
    return object.path("metadata").path("resourceVersion").asText("");
  }
}
