package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** kubectl get services: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE [SELECTOR]. */
final class ServiceTable implements TableConvertor {
  private static final List<Column> COLUMNS =
      List.of(
          Column.nameColumn(),
          Column.text("Type", "type determines how the Service is exposed."),
          Column.text("Cluster-IP", "clusterIP is the IP address of the service."),
          Column.text("External-IP", "List of IP addresses at which this service is available."),
          Column.text("Port(s)", "The list of ports that are exposed by this service."),
          Column.ageColumn(),
          Column.wide("Selector", "Route service traffic to pods with label keys and values."));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode svc, Instant now) {
    JsonNode spec = svc.path("spec");
    return List.of(
        Cells.name(svc),
        spec.path("type").asText("ClusterIP"),
        Cells.textOr(spec.path("clusterIP"), Cells.NONE),
        externalIp(svc),
        ports(spec),
        Cells.age(svc, now),
        Cells.labels(spec.path("selector")));
  }

  static String externalIp(JsonNode svc) {
    JsonNode spec = svc.path("spec");
    List<String> external = new ArrayList<>();
    spec.path("externalIPs").forEach(ip -> external.add(ip.asText()));
    switch (spec.path("type").asText("ClusterIP")) {
      case "ClusterIP", "NodePort":
        return external.isEmpty() ? Cells.NONE : String.join(",", external);
      case "LoadBalancer":
        List<String> all = new ArrayList<>();
        for (JsonNode ingress : svc.path("status").path("loadBalancer").path("ingress")) {
          String ip = ingress.path("ip").asText("");
          all.add(ip.isEmpty() ? ingress.path("hostname").asText("") : ip);
        }
        String lb = String.join(",", all);
        if (lb.length() > 16) {
          lb = lb.substring(0, 13) + "...";
        }
        all.clear();
        if (!lb.isEmpty()) {
          all.add(lb);
        }
        all.addAll(external);
        return all.isEmpty() ? "<pending>" : String.join(",", all);
      case "ExternalName":
        return spec.path("externalName").asText("");
      default:
        return "<unknown>";
    }
  }

  static String ports(JsonNode spec) {
    List<String> parts = new ArrayList<>();
    for (JsonNode port : spec.path("ports")) {
      String protocol = port.path("protocol").asText("TCP");
      long nodePort = port.path("nodePort").asLong(0);
      long number = port.path("port").asLong(0);
      parts.add(nodePort > 0 ? number + ":" + nodePort + "/" + protocol : number + "/" + protocol);
    }
    return parts.isEmpty() ? Cells.NONE : String.join(",", parts);
  }
}
