package dev.skiff.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.table.IncludeObject;
import dev.skiff.server.table.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table -> text, as kubectl's human-readable printer renders the server's Tables. */
class TableTextTest {
  static final String TABLE =
      """
      {"kind":"Table","apiVersion":"meta.k8s.io/v1",
       "columnDefinitions":[
         {"name":"Name","type":"string","format":"name","priority":0},
         {"name":"Ready","type":"string","format":"","priority":0},
         {"name":"Restarts","type":"integer","format":"","priority":0},
         {"name":"IP","type":"string","format":"","priority":1}],
       "rows":[
         {"cells":["web-1","1/1",0,"127.64.1.1"],
          "object":{"metadata":{"name":"web-1","namespace":"default","labels":{"tier":"fe","app":"web"}}}},
         {"cells":["db","0/1",12,null],
          "object":{"metadata":{"name":"db","namespace":"shop"}}}]}
      """;

  static Stream<Arguments> cases() {
    TableText.Options plain = TableText.Options.plain();
    return Stream.of(
        Arguments.of(
            "priority 0 columns only",
            plain,
            "NAME    READY   RESTARTS\nweb-1   1/1     0\ndb      0/1     12\n"),
        Arguments.of(
            "wide adds priority>0 columns",
            plain.withWide(true),
            "NAME    READY   RESTARTS   IP\nweb-1   1/1     0          127.64.1.1\ndb      0/1     12         \n"),
        Arguments.of(
            "all namespaces puts NAMESPACE first, from the row object",
            plain.withNamespace(true),
            "NAMESPACE   NAME    READY   RESTARTS\ndefault     web-1   1/1     0\nshop        db      0/1     12\n"),
        Arguments.of(
            "several kinds prefix the name column",
            plain.withKindPrefix("pod"),
            "NAME        READY   RESTARTS\npod/web-1   1/1     0\npod/db      0/1     12\n"),
        Arguments.of(
            "show labels appends sorted labels or <none>",
            plain.withShowLabels(true),
            "NAME    READY   RESTARTS   LABELS\nweb-1   1/1     0          app=web,tier=fe\ndb      0/1     12         <none>\n"),
        Arguments.of(
            "no headers", plain.withNoHeaders(true), "web-1   1/1   0\ndb      0/1   12\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersTheTable(String name, TableText.Options options, String expected) {
    assertThat(TableText.render(Json.tree(TABLE.getBytes()), options)).isEqualTo(expected);
  }

  @Test
  void aTableWithoutRowsPrintsNothingNotEvenTheHeader() {
    ObjectNode table = Json.tree(TABLE.getBytes());
    table.putArray("rows");

    assertThat(TableText.render(table, TableText.Options.plain())).isEmpty();
  }

  @Test
  void multiLineCellsAreCutAtTheFirstBreak() {
    assertThat(TableText.cell(Json.mapper().getNodeFactory().textNode("first\nsecond")))
        .isEqualTo("first...");
  }

  @Test
  void rendersTheServersPodTableAsKubectlPrintsIt() throws IOException {
    List<JsonNode> pods = new ArrayList<>();
    try (InputStream in =
        getClass().getResourceAsStream("/dev/skiff/cli/describe/node-pods.json")) {
      Json.tree(in.readAllBytes()).path("items").forEach(pods::add);
    }
    ObjectNode table =
        Tables.table(
            Resources.PODS,
            pods,
            "1",
            IncludeObject.METADATA,
            Instant.parse("2026-11-26T12:34:31Z"));

    String text = TableText.render(table, TableText.Options.plain().withWide(true));

    assertThat(text)
        .isEqualTo(
            """
            NAME    READY   STATUS    RESTARTS   AGE     IP           NODE     NOMINATED NODE   READINESS GATES
            web-1   1/1     Running   0          5m33s   127.64.1.1   node-1   <none>           <none>
            web-2   0/1     Running   0          5m33s   127.64.1.2   node-1   <none>           <none>
            web-3   1/1     Running   0          5m32s   127.64.1.3   node-1   <none>           <none>
            """);
  }
}
