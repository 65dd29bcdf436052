package dev.skiff.cli.resource;

import dev.skiff.api.Json;
import dev.skiff.api.client.PatchType;
import dev.skiff.cli.output.ObjectText;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skiff scale}: set replicas through the scale subresource. */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = "Set the number of replicas of a deployment or replica set.",
    footer = {
      "",
      "Examples:",
      "  skiff scale deployment/web --replicas 3",
      "  skiff scale deploy web --replicas 0"
    })
public final class ScaleCommand extends NamedClusterCommand {
  @Parameters(paramLabel = "TYPE/NAME | TYPE NAME", arity = "1..2", description = "What to scale.")
  List<String> args = new ArrayList<>();

  @Option(
      names = "--replicas",
      required = true,
      paramLabel = "N",
      description = "The new number of replicas.")
  int replicas;

  private ResourceArgs.Target target;

  @Override
  protected void validate() {
    if (replicas < 0) {
      throw CliException.usage(
          "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    }
    target =
        args.size() == 2
            ? new ResourceArgs.Target(ResourceArgs.type(args.get(0)), args.get(1))
            : ResourceArgs.one(args.get(0), null);
    if (!target.type().subresources().contains("scale")) {
      throw CliException.usage(
          "cannot scale " + target.type().plural() + ": only deployments and replicasets scale");
    }
  }

  @Override
  protected int run(Session session) {
    var body = Json.mapper().createObjectNode();
    body.putObject("spec").put("replicas", replicas);
    session.await(
        session
            .raw()
            .patchSubresource(
                target.type(), session.namespace(), target.name(), "scale", PatchType.MERGE, body));
    out().println(ObjectText.name(target.type(), target.name()) + " scaled");
    return 0;
  }
}
