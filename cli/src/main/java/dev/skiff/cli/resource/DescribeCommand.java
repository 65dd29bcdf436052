package dev.skiff.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.cli.completion.ResourceTypeCandidates;
import dev.skiff.cli.describe.DescribeInput;
import dev.skiff.cli.describe.Describers;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skiff describe}: kubectl's describe for the kinds Skiff serves. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "Show details of a resource, with related objects and events.",
    footer = {
      "",
      "Examples:",
      "  skiff describe pod web          the pod web (or every pod whose name starts with web)",
      "  skiff describe svc/web          a service, with its endpoints",
      "  skiff describe pods -l app=web  every pod labelled app=web",
      "  skiff describe nodes            every node, with its pods"
    })
public final class DescribeCommand extends NamedClusterCommand {
  @Parameters(
      paramLabel = "TYPE [NAME_PREFIX...] | TYPE/NAME...",
      arity = "1..*",
      completionCandidates = ResourceTypeCandidates.class,
      description = "What to describe.")
  List<String> args = new ArrayList<>();

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Label selector.")
  String selector;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Across all namespaces.")
  boolean allNamespaces;

  @Option(
      names = "--show-events",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Show the events of each object (default: ${DEFAULT-VALUE}).")
  boolean showEvents;

  private List<ResourceArgs.Target> targets;

  @Override
  protected void validate() {
    targets = ResourceArgs.parse(args);
  }

  @Override
  protected int run(Session session) {
    String namespace = allNamespaces ? null : session.namespace();
    List<StatusException> errors = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (ResourceArgs.Target target : targets) {
      try {
        for (ObjectNode object : objects(session, target, namespace)) {
          texts.add(describe(session, target.type(), object));
        }
      } catch (StatusException e) {
        errors.add(e);
      }
    }
    out().print(String.join("\n\n", texts));
    if (texts.isEmpty() && errors.isEmpty()) {
      noResourcesFound(namespace);
    }
    return reportErrors(errors);
  }

  /** The named object, else objects whose names start with the name (as kubectl does). */
  private List<ObjectNode> objects(Session session, ResourceArgs.Target target, String namespace) {
    ResourceType type = target.type();
    ListOptions list = ListOptions.labelSelector(selector);
    if (target.name() == null) {
      return Fetch.list(session, type, namespace, list);
    }
    String ns = namespace == null ? session.namespace() : namespace;
    try {
      return List.of(Fetch.get(session, type, ns, target.name()));
    } catch (StatusException e) {
      if (e.code() != 404) {
        throw e;
      }
      List<ObjectNode> prefixed =
          Fetch.list(session, type, ns, list).stream()
              .filter(o -> Fetch.name(o).startsWith(target.name()))
              .collect(Collectors.toList());
      if (prefixed.isEmpty()) {
        throw e;
      }
      return prefixed;
    }
  }

  private String describe(Session session, ResourceType type, ObjectNode object) {
    JsonNode meta = object.path("metadata");
    String namespace = meta.path("namespace").asText("");
    String name = meta.path("name").asText();
    List<JsonNode> related = new ArrayList<>();
    if (type == Resources.SERVICES) {
      related.addAll(
          quietly(
              session,
              Resources.ENDPOINTSLICES,
              namespace,
              ListOptions.labelSelector("kubernetes.io/service-name=" + name)));
    } else if (type == Resources.DEPLOYMENTS) {
      String uid = meta.path("uid").asText();
      quietly(session, Resources.REPLICASETS, namespace, ListOptions.none()).stream()
          .filter(rs -> owned(rs, uid))
          .forEach(related::add);
    } else if (type == Resources.REPLICASETS) {
      String uid = meta.path("uid").asText();
      quietly(session, Resources.PODS, namespace, ListOptions.none()).stream()
          .filter(pod -> owned(pod, uid))
          .forEach(related::add);
    } else if (type == Resources.SERVICEACCOUNTS) {
      related.addAll(quietly(session, Resources.SECRETS, namespace, ListOptions.none()));
    } else if (type == Resources.NODES) {
      related.addAll(
          quietly(
              session, Resources.PODS, null, ListOptions.fieldSelector("spec.nodeName=" + name)));
      try {
        related.add(Fetch.get(session, Resources.LEASES, "kube-node-lease", name));
      } catch (StatusException e) {
        // describe says the lease could not be read
      }
    }
    String involved =
        "involvedObject.name="
            + name
            + ",involvedObject.namespace="
            + namespace
            + ",involvedObject.uid="
            + meta.path("uid").asText("");
    List<JsonNode> events =
        !showEvents || type == Resources.SECRETS
            ? null
            : quietly(
                session,
                Resources.EVENTS,
                namespace.isEmpty() ? null : namespace,
                ListOptions.fieldSelector(involved));
    DescribeInput input =
        new DescribeInput(object, events, related, Instant.now(), ZoneId.systemDefault());
    return Describers.describe(type, input);
  }

  private static boolean owned(JsonNode object, String uid) {
    for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
      if (uid.equals(owner.path("uid").asText())) {
        return true;
      }
    }
    return false;
  }

  /** Related objects are extras: a failure to read them leaves the section empty. */
  private static List<JsonNode> quietly(
      Session session, ResourceType type, String namespace, ListOptions options) {
    try {
      return new ArrayList<>(Fetch.list(session, type, namespace, options));
    } catch (StatusException e) {
      return List.of();
    }
  }
}
