package dev.skiff.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.PatchOptions;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.cli.output.ObjectText;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff expose}: a Service in front of a deployment's, replica set's or pod's pods, with the
 * selector taken from the deployment's matchLabels or the pod's labels, as kubectl does.
 */
@Command(
    name = "expose",
    mixinStandardHelpOptions = true,
    description = "Create a Service that selects the pods of a deployment, replica set or pod.",
    footer = {
      "",
      "Examples:",
      "  skiff expose deployment/web --port 80 --target-port 8080",
      "  skiff expose pod/web --port 8080 --type NodePort",
      "  skiff expose deploy/web --port 80 --type LoadBalancer --name web-public",
      "",
      "Here --name names the Service; choose the cluster with --cluster."
    })
public final class ExposeCommand extends ClusterCommand {
  @Mixin ExposeClusterOptions cluster;

  @Parameters(
      paramLabel = "TYPE/NAME",
      description = "deployment/NAME, replicaset/NAME or pod/NAME.")
  String what;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "The Service's port (default: the first container port).")
  Integer port;

  @Option(
      names = "--target-port",
      paramLabel = "PORT",
      description = "Port number or name on the pods (default: --port).")
  String targetPort;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "ClusterIP",
      description = "ClusterIP, NodePort or LoadBalancer (default: ${DEFAULT-VALUE}).")
  String type;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Name of the Service (default: the exposed object's).")
  String serviceName;

  @Option(
      names = "--protocol",
      paramLabel = "PROTO",
      defaultValue = "TCP",
      description = "TCP or UDP (default: ${DEFAULT-VALUE}).")
  String protocol;

  private ResourceArgs.Target target;

  @Override
  protected ConnectionOptions connection() {
    return cluster;
  }

  @Override
  protected void validate() {
    target = ResourceArgs.one(what, null);
    ResourceType t = target.type();
    if (t != Resources.DEPLOYMENTS
        && t != Resources.REPLICASETS
        && t != Resources.PODS
        && t != Resources.SERVICES) {
      throw CliException.usage(
          "cannot expose a " + t.kind() + ": use a deployment, replicaset, pod or service");
    }
    if (!java.util.List.of("ClusterIP", "NodePort", "LoadBalancer").contains(type)) {
      throw CliException.usage("--type must be ClusterIP, NodePort or LoadBalancer, not " + type);
    }
    protocol = protocol.toUpperCase(Locale.ROOT);
    if (!protocol.equals("TCP") && !protocol.equals("UDP")) {
      throw CliException.usage("--protocol must be TCP or UDP");
    }
  }

  @Override
  protected int run(Session session) {
    String ns = session.namespace();
    ObjectNode source = Fetch.get(session, target.type(), ns, target.name());
    JsonNode selector = Selectors.of(target.type(), source);
    int servicePort = port != null ? port : Selectors.firstContainerPort(target.type(), source);
    ObjectNode service = Json.mapper().createObjectNode();
    service.put("apiVersion", "v1").put("kind", "Service");
    String name = serviceName != null ? serviceName : target.name();
    ObjectNode meta = service.putObject("metadata").put("name", name).put("namespace", ns);
    JsonNode labels = source.path("metadata").path("labels");
    if (labels.isObject() && !labels.isEmpty()) {
      meta.set("labels", labels);
    }
    ObjectNode spec = service.putObject("spec");
    ObjectNode p =
        spec.putArray("ports").addObject().put("port", servicePort).put("protocol", protocol);
    if (targetPort == null) {
      p.put("targetPort", servicePort);
    } else if (targetPort.matches("\\d+")) {
      p.put("targetPort", Integer.parseInt(targetPort));
    } else {
      p.put("targetPort", targetPort);
    }
    spec.set("selector", selector);
    spec.put("type", type);
    session.await(
        session
            .raw()
            .create(
                Resources.SERVICES,
                ns,
                service,
                PatchOptions.fieldManager(ApplyCommand.FIELD_MANAGER)));
    out().println(ObjectText.name(Resources.SERVICES, name) + " exposed");
    return 0;
  }
}
