package dev.skiff.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.StatusException;
import dev.skiff.cli.completion.ResourceTypeCandidates;
import dev.skiff.cli.output.ObjectText;
import dev.skiff.cli.output.TableText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skiff get}: kubectl's get, printing the server's Tables. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Display one or many resources. Tables come from the server, with kubectl's columns.",
      "Kinds: pods (po), services (svc), deployments (deploy), replicasets (rs), endpoints (ep),"
          + " endpointslices, nodes (no), namespaces (ns), events (ev), leases; all."
    },
    footer = {
      "",
      "Examples:",
      "  skiff get pods                      pods in the default namespace",
      "  skiff get pods -o wide -l app=web   with IP and node, only app=web",
      "  skiff get svc,deploy -A             services and deployments everywhere",
      "  skiff get pod/web -o yaml           one pod as YAML",
      "  skiff get all --name dev            on the cluster 'dev'"
    })
public final class GetCommand extends NamedClusterCommand {
  @Parameters(
      paramLabel = "TYPE[,TYPE] [NAME...] | TYPE/NAME...",
      arity = "0..*",
      completionCandidates = ResourceTypeCandidates.class,
      description = "What to get.")
  List<String> args = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "wide, yaml, json or name.")
  String output;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Label selector, e.g. app=web,tier!=db or 'env in (a,b)'.")
  String selector;

  @Option(names = "--field-selector", paramLabel = "SELECTOR", description = "Field selector.")
  String fieldSelector;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "List across all namespaces.")
  boolean allNamespaces;

  @Option(names = "--show-labels", description = "Show labels as the last column.")
  boolean showLabels;

  @Option(names = "--no-headers", description = "Do not print the table header.")
  boolean noHeaders;

  private OutputFormat format;
  private List<ResourceArgs.Target> targets;

  @Override
  protected void validate() {
    format = OutputFormat.parse(output);
    targets = ResourceArgs.parse(args);
    if (selector != null && targets.stream().anyMatch(t -> t.name() != null)) {
      throw CliException.usage("name cannot be provided when a selector is specified");
    }
  }

  @Override
  protected int run(Session session) {
    String namespace = allNamespaces ? null : session.namespace();
    ListOptions list = ListOptions.labelSelector(selector).withFieldSelector(fieldSelector);
    List<StatusException> errors = new ArrayList<>();
    boolean anything =
        format.isTable()
            ? tables(session, namespace, list, errors)
            : objects(session, namespace, list, errors);
    boolean listed = targets.stream().allMatch(t -> t.name() == null);
    if (!anything
        && errors.isEmpty()
        && listed
        && format != OutputFormat.YAML
        && format != OutputFormat.JSON) {
      boolean clusterWide =
          namespace == null || targets.stream().noneMatch(t -> t.type().namespaced());
      noResourcesFound(clusterWide ? null : namespace);
    }
    return reportErrors(errors);
  }

  private boolean tables(
      Session session, String namespace, ListOptions list, List<StatusException> errors) {
    Map<ResourceType, List<ResourceArgs.Target>> byType = new LinkedHashMap<>();
    targets.forEach(t -> byType.computeIfAbsent(t.type(), k -> new ArrayList<>()).add(t));
    boolean several = byType.size() > 1;
    boolean printed = false;
    for (Map.Entry<ResourceType, List<ResourceArgs.Target>> entry : byType.entrySet()) {
      ResourceType type = entry.getKey();
      ObjectNode table = null;
      for (ResourceArgs.Target target : entry.getValue()) {
        try {
          table =
              merge(
                  table,
                  session.await(
                      session
                          .raw()
                          .table(type, Fetch.namespace(type, namespace), target.name(), list)));
        } catch (StatusException e) {
          errors.add(e);
        }
      }
      String text = table == null ? "" : TableText.render(table, tableOptions(type, several));
      if (!text.isEmpty()) {
        out().print((printed ? "\n" : "") + text);
        printed = true;
      }
    }
    return printed;
  }

  private TableText.Options tableOptions(ResourceType type, boolean several) {
    return TableText.Options.plain()
        .withWide(format == OutputFormat.WIDE)
        .withNamespace(allNamespaces && type.namespaced())
        .withKindPrefix(several ? ObjectText.kindName(type) : null)
        .withShowLabels(showLabels)
        .withNoHeaders(noHeaders);
  }

  private static ObjectNode merge(ObjectNode into, ObjectNode table) {
    if (into == null) {
      return table;
    }
    ArrayNode rows = (ArrayNode) into.withArray("rows");
    table.path("rows").forEach(rows::add);
    return into;
  }

  private boolean objects(
      Session session, String namespace, ListOptions list, List<StatusException> errors) {
    List<ObjectNode> objects = new ArrayList<>();
    for (ResourceArgs.Target target : targets) {
      try {
        if (target.name() != null) {
          objects.add(Fetch.get(session, target.type(), namespace, target.name()));
        } else {
          objects.addAll(Fetch.list(session, target.type(), namespace, list));
        }
      } catch (StatusException e) {
        errors.add(e);
      }
    }
    boolean single = targets.size() == 1 && targets.get(0).name() != null;
    switch (format) {
      case NAME -> objects.forEach(o -> out().println(nameOf(o)));
      case JSON -> {
        if (!objects.isEmpty() || !single) {
          out().print(ObjectText.json(single ? objects.get(0) : ObjectText.list(objects)));
        }
      }
      default -> {
        if (!objects.isEmpty() || !single) {
          out().print(ObjectText.yaml(single ? objects.get(0) : ObjectText.list(objects)));
        }
      }
    }
    return !objects.isEmpty();
  }

  private static String nameOf(JsonNode object) {
    ResourceType type =
        dev.skiff.api.resource.Resources.byApiVersionKind(
                object.path("apiVersion").asText(), object.path("kind").asText())
            .orElseThrow();
    return ObjectText.name(type, Fetch.name(object));
  }
}
