package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.crd.CustomTable;
import dev.skiff.server.crd.CustomVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Server-side printing: meta.k8s.io/v1 Tables with kubectl's usual columns for every kind. */
public final class Tables {
  private static final Map<ResourceType, TableConvertor> CONVERTORS =
      Map.ofEntries(
          Map.entry(Resources.PODS, new PodTable()),
          Map.entry(Resources.SERVICES, new ServiceTable()),
          Map.entry(Resources.DEPLOYMENTS, new DeploymentTable()),
          Map.entry(Resources.REPLICASETS, new ReplicaSetTable()),
          Map.entry(Resources.STATEFULSETS, AppsTables.statefulSets()),
          Map.entry(Resources.DAEMONSETS, AppsTables.daemonSets()),
          Map.entry(Resources.REPLICATIONCONTROLLERS, AppsTables.replicationControllers()),
          Map.entry(Resources.CONTROLLERREVISIONS, AppsTables.controllerRevisions()),
          Map.entry(Resources.NODES, new NodeTable()),
          Map.entry(Resources.NAMESPACES, SimpleTables.namespaces()),
          Map.entry(Resources.ENDPOINTS, SimpleTables.endpoints()),
          Map.entry(Resources.ENDPOINTSLICES, SimpleTables.endpointSlices()),
          Map.entry(Resources.EVENTS, new EventTable()),
          Map.entry(Resources.LEASES, SimpleTables.leases()),
          Map.entry(Resources.CONFIGMAPS, ConfigTables.configMaps()),
          Map.entry(Resources.SECRETS, ConfigTables.secrets()),
          Map.entry(Resources.SERVICEACCOUNTS, ConfigTables.serviceAccounts()),
          Map.entry(Resources.JOBS, BatchTables.jobs()),
          Map.entry(Resources.CRONJOBS, BatchTables.cronJobs()),
          Map.entry(Resources.CUSTOMRESOURCEDEFINITIONS, CustomTable.definitions()),
          Map.entry(Resources.ROLES, RbacTables.roles()),
          Map.entry(Resources.CLUSTERROLES, RbacTables.roles()),
          Map.entry(Resources.ROLEBINDINGS, RbacTables.bindings("roleBinding")),
          Map.entry(Resources.CLUSTERROLEBINDINGS, RbacTables.bindings("clusterRoleBinding")),
          Map.entry(Resources.PERSISTENTVOLUMECLAIMS, StorageTables.claims()),
          Map.entry(Resources.PERSISTENTVOLUMES, StorageTables.volumes()),
          Map.entry(Resources.STORAGECLASSES, StorageTables.classes()));
  private static final TableConvertor FALLBACK = SimpleTables.fallback();

  private Tables() {}

  public static TableConvertor convertor(ResourceType type) {
    if (type.custom() instanceof CustomVersion version) {
      return new CustomTable(version.columns());
    }
    return CONVERTORS.getOrDefault(type, FALLBACK);
  }

  /** A Table of {@code items} (one row each), stamped with {@code resourceVersion}. */
  public static ObjectNode table(
      ResourceType type,
      List<? extends JsonNode> items,
      String resourceVersion,
      IncludeObject include,
      Instant now) {
    TableConvertor convertor = convertor(type);
    ObjectNode table = Json.mapper().createObjectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode meta = table.putObject("metadata");
    if (resourceVersion != null) {
      meta.put("resourceVersion", resourceVersion);
    }
    ArrayNode columns = table.putArray("columnDefinitions");
    for (Column c : convertor.columns()) {
      columns
          .addObject()
          .put("name", c.name())
          .put("type", c.type())
          .put("format", c.format())
          .put("description", c.description())
          .put("priority", c.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (Object cell : convertor.cells(item, now)) {
        if (cell == null) {
          cells.addNull();
        } else if (cell instanceof Long l) {
          cells.add(l);
        } else if (cell instanceof Integer i) {
          cells.add(i);
        } else if (cell instanceof Double d) {
          cells.add(d);
        } else if (cell instanceof Boolean b) {
          cells.add(b);
        } else {
          cells.add(String.valueOf(cell));
        }
      }
      JsonNode object = rowObject(item, include);
      if (object != null) {
        row.set("object", object);
      }
    }
    return table;
  }

  private static JsonNode rowObject(JsonNode item, IncludeObject include) {
    return switch (include) {
      case NONE -> null;
      case OBJECT -> item;
      case METADATA -> {
        ObjectNode partial = Json.mapper().createObjectNode();
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", item.path("metadata"));
        yield partial;
      }
    };
  }
}
