package dev.skiff.cli.trace;

import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointPort;
import dev.skiff.api.model.discovery.EndpointSlice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** One backend of one Service port, read from the Service's EndpointSlices. */
public record EndpointRow(
    String pod, String address, String node, boolean ready, boolean terminating) {

  /** The endpoints of {@code port}: slice ports with the same name (unnamed matches unnamed). */
  public static List<EndpointRow> of(ServicePort port, List<EndpointSlice> slices) {
    String name = port.name == null ? "" : port.name;
    List<EndpointRow> rows = new ArrayList<>();
    for (EndpointSlice slice : slices) {
      if (slice.ports == null || slice.endpoints == null) {
        continue;
      }
      for (EndpointPort p : slice.ports) {
        if (!name.equals(p.name == null ? "" : p.name) || p.port == null) {
          continue;
        }
        for (Endpoint e : slice.endpoints) {
          if (e.addresses == null || e.addresses.isEmpty()) {
            continue;
          }
          boolean ready = e.conditions == null || !Boolean.FALSE.equals(e.conditions.ready);
          boolean terminating =
              e.conditions != null && Boolean.TRUE.equals(e.conditions.terminating);
          String pod =
              e.targetRef != null && e.targetRef.name != null
                  ? e.targetRef.name
                  : Objects.requireNonNullElse(e.hostname, "-");
          rows.add(
              new EndpointRow(
                  pod,
                  e.addresses.get(0) + ":" + p.port,
                  e.nodeName == null ? "-" : e.nodeName,
                  ready,
                  terminating));
        }
      }
    }
    rows.sort(Comparator.comparing(EndpointRow::pod).thenComparing(EndpointRow::address));
    return rows;
  }

  String readyText() {
    return terminating ? "terminating" : ready ? "yes" : "no";
  }
}
