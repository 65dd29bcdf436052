package dev.skiff.cli.resource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.PatchOptions;
import dev.skiff.api.resource.Resources;
import dev.skiff.cli.output.ObjectText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skiff run}: create a pod with one container, as kubectl run does. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Create a pod running one container.",
      "With the process runtime the command runs as a local process; the image is only recorded."
    },
    footer = {
      "",
      "Examples:",
      "  skiff run web --image=busybox --port=8080 -- httpd -f -p 8080",
      "  skiff run job --image=busybox --restart=Never --labels=app=job -- sh -c 'echo hi'",
      "  skiff run web --image=busybox --dry-run -o yaml    print the pod, create nothing"
    })
public final class RunCommand extends NamedClusterCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the pod (and container).")
  String name;

  @Parameters(
      index = "1..*",
      paramLabel = "ARGS",
      description = "After --: the container's arguments (its command with --command).")
  List<String> arguments = new ArrayList<>();

  @Option(names = "--image", required = true, paramLabel = "IMAGE", description = "The image.")
  String image;

  @Option(
      names = {"-l", "--labels"},
      paramLabel = "K=V[,K=V]",
      description = "Labels of the pod (default: run=NAME).")
  List<String> labels = new ArrayList<>();

  @Option(names = "--port", paramLabel = "N", description = "The port the container exposes.")
  Integer port;

  @Option(names = "--env", paramLabel = "K=V", description = "Environment variables (repeatable).")
  List<String> env = new ArrayList<>();

  @Option(
      names = "--restart",
      defaultValue = "Always",
      paramLabel = "POLICY",
      description = "Always, OnFailure or Never (default: ${DEFAULT-VALUE}).")
  String restart;

  @Option(names = "--command", description = "The arguments after -- are the command, not args.")
  boolean command;

  @Option(names = "--dry-run", description = "Print the pod instead of creating it.")
  boolean dryRun;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "yaml, json or name.")
  String output;

  private OutputFormat format;

  @Override
  protected void validate() {
    if (!List.of("Always", "OnFailure", "Never").contains(restart)) {
      throw CliException.usage("invalid restart policy: " + restart);
    }
    if (port != null && (port < 1 || port > 65535)) {
      throw CliException.usage("--port must be between 1 and 65535");
    }
    format = output == null ? null : OutputFormat.parse(output);
    if (format != null && format.isTable()) {
      throw CliException.usage("run prints yaml, json or name");
    }
  }

  @Override
  protected int run(Session session) {
    ObjectNode pod = pod(session.namespace());
    if (dryRun) {
      print(pod, " (dry run)");
      return 0;
    }
    ObjectNode created =
        session.await(
            session
                .raw()
                .create(
                    Resources.PODS,
                    session.namespace(),
                    pod,
                    PatchOptions.fieldManager(ApplyCommand.FIELD_MANAGER)));
    print(created, "");
    return 0;
  }

  private void print(ObjectNode pod, String suffix) {
    if (format == OutputFormat.YAML) {
      out().print(ObjectText.yaml(pod));
    } else if (format == OutputFormat.JSON) {
      out().print(ObjectText.json(pod));
    } else if (format == OutputFormat.NAME) {
      out().println(ObjectText.name(Resources.PODS, name));
    } else {
      out().println(ObjectText.name(Resources.PODS, name) + " created" + suffix);
    }
  }

  ObjectNode pod(String namespace) {
    Map<String, String> podLabels =
        labels.isEmpty() ? Map.of("run", name) : KeyValues.parse(labels, "label", true);
    ObjectNode pod = Json.mapper().createObjectNode();
    pod.put("apiVersion", "v1").put("kind", "Pod");
    ObjectNode meta = pod.putObject("metadata").put("name", name).put("namespace", namespace);
    podLabels.forEach(meta.putObject("labels")::put);
    ObjectNode spec = pod.putObject("spec");
    ObjectNode container =
        spec.putArray("containers").addObject().put("name", name).put("image", image);
    if (!arguments.isEmpty()) {
      ArrayNode list = container.putArray(command ? "command" : "args");
      arguments.forEach(list::add);
    }
    if (port != null) {
      container.putArray("ports").addObject().put("containerPort", port);
    }
    if (!env.isEmpty()) {
      ArrayNode list = container.putArray("env");
      KeyValues.parse(env, "environment variable", false)
          .forEach((k, v) -> list.addObject().put("name", k).put("value", v));
    }
    spec.put("restartPolicy", restart).put("dnsPolicy", "ClusterFirst");
    return pod;
  }
}
