package dev.skiff.cli.trace;

import dev.skiff.api.model.core.LoadBalancerIngress;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeAddress;
import dev.skiff.api.model.core.Readiness;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.core.ServiceSpec;
import dev.skiff.cli.output.Colors;
import dev.skiff.cli.output.TabWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws the path a connection to a Service takes: LoadBalancer ingress, each node's NodePort, the
 * ClusterIP, each endpoint; then explains pods that look related but get no traffic. Pure: the same
 * input gives the same text.
 */
public final class TraceRenderer {
  private static final TabWriter ROWS = new TabWriter(0, 2);

  private final Colors colors;

  public TraceRenderer(Colors colors) {
    this.colors = colors;
  }

  public String render(TraceInput in) {
    Service svc = in.service();
    ServiceSpec spec = svc.spec();
    String type = spec.type == null ? "ClusterIP" : spec.type;
    StringBuilder out = new StringBuilder();
    out.append(colors.bold("Service " + svc.meta().namespace + "/" + svc.meta().name))
        .append(": ")
        .append(type)
        .append(", selector ")
        .append(selector(spec.selector))
        .append("\n");
    if ("ExternalName".equals(type)) {
      out.append("\n  ● ExternalName: DNS answers with a CNAME to ")
          .append(spec.externalName)
          .append("\n");
      return out.toString();
    }
    List<ServicePort> ports = spec.ports == null ? List.of() : spec.ports;
    if (ports.isEmpty()) {
      out.append("\n  (the service has no ports)\n");
    }
    for (ServicePort port : ports) {
      out.append('\n');
      port(out, in, type, port);
    }
    Explanations.write(out, in, colors);
    return out.toString();
  }

  private void port(StringBuilder out, TraceInput in, String type, ServicePort port) {
    ServiceSpec spec = in.service().spec();
    String protocol = port.protocol == null ? "TCP" : port.protocol;
    String target =
        port.targetPort == null ? String.valueOf(port.port) : port.targetPort.toString();
    String name = port.name == null || port.name.isEmpty() ? "" : port.name + " ";
    out.append("Port ")
        .append(name)
        .append(port.port)
        .append('/')
        .append(protocol)
        .append(" -> target port ")
        .append(target)
        .append('\n');
    String key =
        ConnectionCounts.servicePort(
            in.service().meta().namespace, in.service().meta().name, port.name);
    if ("LoadBalancer".equals(type)) {
      stage(out, "LoadBalancer ingress");
      List<String> ingress = ingress(in.service());
      if (ingress.isEmpty()) {
        out.append("  │   <pending>: no ingress address assigned yet\n");
      }
      ingress.forEach(
          ip -> out.append("  │   ").append(ip).append(':').append(port.port).append('\n'));
      out.append("  ▼\n");
    }
    if (("LoadBalancer".equals(type) || "NodePort".equals(type))
        && port.nodePort != null
        && port.nodePort > 0) {
      stage(out, "NodePort " + port.nodePort + " on every node");
      nodes(out, in, port.nodePort, key);
      out.append("  ▼\n");
    }
    if ("None".equals(spec.clusterIP)) {
      stage(out, "ClusterIP None (headless: DNS answers with the pod IPs; no proxy)");
      out.append("  ▼\n");
    } else {
      String ip =
          spec.clusterIP == null || spec.clusterIP.isEmpty() ? "<unassigned>" : spec.clusterIP;
      stage(out, "ClusterIP " + ip + ":" + port.port);
      out.append("  ▼\n");
    }
    List<EndpointRow> rows = EndpointRow.of(port, in.slices());
    long ready = rows.stream().filter(r -> r.ready() && !r.terminating()).count();
    if (rows.isEmpty()) {
      stage(out, "Endpoints: none");
      return;
    }
    stage(out, "Endpoints (" + ready + " of " + rows.size() + " ready)");
    StringBuilder table =
        new StringBuilder(
            "POD\tENDPOINT\tNODE\tREADY" + (in.hasMetrics() ? "\tCONNECTIONS SERVED" : "") + "\n");
    for (EndpointRow r : rows) {
      table
          .append(r.pod())
          .append('\t')
          .append(r.address())
          .append('\t')
          .append(r.node())
          .append('\t')
          .append(r.readyText());
      if (in.hasMetrics()) {
        table.append('\t').append(in.connections().get(key, r.address()));
      }
      table.append('\n');
    }
    indent(
        out,
        table.toString(),
        "      ",
        rows.stream().map(r -> r.ready() && !r.terminating()).toList());
  }

  private void nodes(StringBuilder out, TraceInput in, int nodePort, String key) {
    List<Node> nodes = new ArrayList<>(in.nodes());
    nodes.sort(Comparator.comparing(n -> n.meta().name));
    if (nodes.isEmpty()) {
      out.append("  │   (no nodes)\n");
      return;
    }
    StringBuilder table =
        new StringBuilder(
            "NODE\tADDRESS\tREADY" + (in.hasMetrics() ? "\tCONNECTIONS SERVED" : "") + "\n");
    List<Boolean> ok = new ArrayList<>();
    for (Node node : nodes) {
      String ip = internalIp(node);
      String address = ip == null ? "<no InternalIP>" : ip + ":" + nodePort;
      boolean ready = isReady(node);
      ok.add(ready);
      table
          .append(node.meta().name)
          .append('\t')
          .append(address)
          .append('\t')
          .append(ready ? "yes" : "no");
      if (in.hasMetrics()) {
        table.append('\t').append(ip == null ? 0 : in.connections().get(key, address));
      }
      table.append('\n');
    }
    indent(out, table.toString(), "  │   ", ok);
  }

  private void stage(StringBuilder out, String title) {
    out.append("  ● ").append(colors.bold(title)).append('\n');
  }

  /** Aligns a header plus rows and indents them; rows that are not ready turn red. */
  private void indent(StringBuilder out, String table, String prefix, List<Boolean> ready) {
    String[] lines = ROWS.format(table).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (i == 0) {
        line = colors.faint(line);
      } else if (!ready.get(i - 1)) {
        line = colors.red(line);
      }
      out.append(prefix).append(line).append('\n');
    }
  }

  static List<String> ingress(Service svc) {
    List<String> ips = new ArrayList<>();
    if (svc.status != null
        && svc.status.loadBalancer != null
        && svc.status.loadBalancer.ingress != null) {
      for (LoadBalancerIngress i : svc.status.loadBalancer.ingress) {
        ips.add(i.ip != null ? i.ip : i.hostname);
      }
    }
    return ips;
  }

  static String internalIp(Node node) {
    if (node.status == null || node.status.addresses == null) {
      return null;
    }
    return node.status.addresses.stream()
        .filter(a -> "InternalIP".equals(a.type))
        .map((NodeAddress a) -> a.address)
        .findFirst()
        .orElse(null);
  }

  static boolean isReady(Node node) {
    return Readiness.isReady(node);
  }

  static String selector(Map<String, String> selector) {
    if (selector == null || selector.isEmpty()) {
      return "<none>";
    }
    List<String> parts = new ArrayList<>();
    new TreeMap<>(selector).forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(",", parts);
  }
}
