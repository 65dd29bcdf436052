package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Convertors that are a name, a few plain cells and an age. */
final class SimpleTables {
  private SimpleTables() {}

  /** NAME, the given columns, AGE. */
  static TableConvertor of(List<Column> middle, BiFunction<JsonNode, Instant, List<Object>> cells) {
    List<Column> columns = new ArrayList<>();
    columns.add(Column.nameColumn());
    columns.addAll(middle);
    columns.add(Column.ageColumn());
    List<Column> all = List.copyOf(columns);
    return new TableConvertor() {
      @Override
      public List<Column> columns() {
        return all;
      }

      @Override
      public List<Object> cells(JsonNode object, Instant now) {
        List<Object> row = new ArrayList<>();
        row.add(Cells.name(object));
        row.addAll(cells.apply(object, now));
        row.add(Cells.age(object, now));
        return row;
      }
    };
  }

  static TableConvertor namespaces() {
    return of(
        List.of(Column.text("Status", "The status of the namespace")),
        (ns, now) -> List.of(ns.path("status").path("phase").asText("")));
  }

  static TableConvertor leases() {
    return of(
        List.of(Column.text("Holder", "The holder of the lease")),
        (lease, now) -> List.of(lease.path("spec").path("holderIdentity").asText("")));
  }

  static TableConvertor endpoints() {
    return of(
        List.of(Column.text("Endpoints", "Endpoints of the service")),
        (ep, now) -> List.of(EndpointText.endpoints(ep)));
  }

  static TableConvertor endpointSlices() {
    return of(
        List.of(
            Column.text("AddressType", "The address type of the endpoint slice."),
            Column.text("Ports", "Ports of the endpoint slice."),
            Column.text("Endpoints", "Endpoints of the endpoint slice.")),
        (slice, now) ->
            List.of(
                slice.path("addressType").asText(""),
                EndpointText.slicePorts(slice.path("ports")),
                EndpointText.sliceEndpoints(slice.path("endpoints"))));
  }

  /** Objects without a printer: NAME and AGE. */
  static TableConvertor fallback() {
    return of(List.of(), (object, now) -> List.of());
  }
}
