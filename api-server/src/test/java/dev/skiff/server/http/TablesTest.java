package dev.skiff.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.table.Age;
import dev.skiff.server.table.IncludeObject;
import dev.skiff.server.table.Tables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Server-side printing: kubectl's columns, cells and human ages. */
class TablesTest {
  private static final Instant NOW = Instant.parse("2025-01-10T12:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "5, 5s",
    "119, 119s",
    "120, 2m",
    "192, 3m12s",
    "600, 10m",
    "10799, 179m",
    "10800, 3h",
    "11100, 3h5m",
    "28800, 8h",
    "172800, 2d",
    "183600, 2d3h",
    "691200, 8d",
    "63072000, 2y",
    "63158400, 2y1d",
    "-1, 0s",
    "-5, <invalid>"
  })
  void agesAreFormattedLikeKubectl(long seconds, String expected) {
    assertThat(Age.human(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"phase\":\"Pending\"} | | 0/1 | Pending | 0",
        "{\"phase\":\"Pending\",\"containerStatuses\":[{\"name\":\"c\",\"ready\":false,\"restartCount\":0,\"state\":{\"waiting\":{\"reason\":\"ContainerCreating\"}}}]} | | 0/1 | ContainerCreating | 0",
        "{\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"c\",\"ready\":true,\"restartCount\":0,\"state\":{\"running\":{}}}]} | | 1/1 | Running | 0",
        "{\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"c\",\"ready\":false,\"restartCount\":4,\"state\":{\"waiting\":{\"reason\":\"CrashLoopBackOff\"}}}]} | | 0/1 | CrashLoopBackOff | 4",
        "{\"phase\":\"Succeeded\",\"containerStatuses\":[{\"name\":\"c\",\"ready\":false,\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\"}}}]} | | 0/1 | Completed | 0",
        "{\"phase\":\"Failed\",\"containerStatuses\":[{\"name\":\"c\",\"ready\":false,\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":1,\"reason\":\"Error\"}}}]} | | 0/1 | Error | 0",
        "{\"phase\":\"Failed\",\"containerStatuses\":[{\"name\":\"c\",\"ready\":false,\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":3}}}]} | | 0/1 | ExitCode:3 | 0",
        "{\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"c\",\"ready\":true,\"restartCount\":0,\"state\":{\"running\":{}}}]} | 2025-01-10T11:59:00Z | 1/1 | Terminating | 0",
        "{\"phase\":\"Running\",\"reason\":\"Evicted\"} | | 0/1 | Evicted | 0",
      })
  void podStatusIsComputedLikeKubectl(
      String status, String deletionTimestamp, String ready, String reason, String restarts) {
    ObjectNode pod = pod(status);
    if (deletionTimestamp != null) {
      ((ObjectNode) pod.get("metadata")).put("deletionTimestamp", deletionTimestamp);
    }
    List<String> cells = cells(Resources.PODS, pod);
    assertThat(cells.subList(1, 4)).containsExactly(ready, reason, restarts);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"ClusterIP\",\"clusterIP\":\"10.0.0.1\",\"ports\":[{\"port\":80,\"protocol\":\"TCP\"}]} | {} | ClusterIP | 10.0.0.1 | <none> | 80/TCP",
        "{\"type\":\"NodePort\",\"clusterIP\":\"10.0.0.2\",\"ports\":[{\"port\":80,\"nodePort\":30080,\"protocol\":\"TCP\"},{\"port\":53,\"protocol\":\"UDP\"}]} | {} | NodePort | 10.0.0.2 | <none> | 80:30080/TCP,53/UDP",
        "{\"type\":\"LoadBalancer\",\"clusterIP\":\"10.0.0.3\",\"ports\":[{\"port\":80,\"nodePort\":30081,\"protocol\":\"TCP\"}]} | {\"loadBalancer\":{}} | LoadBalancer | 10.0.0.3 | <pending> | 80:30081/TCP",
        "{\"type\":\"LoadBalancer\",\"clusterIP\":\"10.0.0.4\",\"ports\":[{\"port\":80,\"nodePort\":30082,\"protocol\":\"TCP\"}]} | {\"loadBalancer\":{\"ingress\":[{\"ip\":\"127.0.100.1\"}]}} | LoadBalancer | 10.0.0.4 | 127.0.100.1 | 80:30082/TCP",
      })
  void serviceColumnsShowTypeAddressesAndPorts(
      String spec, String status, String type, String clusterIp, String external, String ports) {
    ObjectNode svc =
        object(
            "{\"metadata\":{\"name\":\"s\",\"creationTimestamp\":\"2025-01-10T11:59:00Z\"},\"spec\":"
                + spec
                + ",\"status\":"
                + status
                + "}");
    assertThat(cells(Resources.SERVICES, svc).subList(1, 5))
        .containsExactly(type, clusterIp, external, ports);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NAMESPACES | Name,Status,Age",
        "DEPLOYMENTS | Name,Ready,Up-to-date,Available,Age,Containers,Images,Selector",
        "REPLICASETS | Name,Desired,Current,Ready,Age,Containers,Images,Selector",
        "NODES | Name,Status,Roles,Age,Version,Internal-IP,External-IP,OS-Image,Kernel-Version,Container-Runtime",
        "ENDPOINTS | Name,Endpoints,Age",
        "ENDPOINTSLICES | Name,AddressType,Ports,Endpoints,Age",
        "LEASES | Name,Holder,Age",
        "CONFIGMAPS | Name,Data,Age",
        "SECRETS | Name,Type,Data,Age",
        "SERVICEACCOUNTS | Name,Secrets,Age",
        "ROLES | Name,Created At",
        "CLUSTERROLES | Name,Created At",
        "ROLEBINDINGS | Name,Role,Age,Users,Groups,ServiceAccounts",
        "CLUSTERROLEBINDINGS | Name,Role,Age,Users,Groups,ServiceAccounts",
        "EVENTS | Last Seen,Type,Reason,Object,Subobject,Source,Message,First Seen,Count,Name",
      })
  void everyKindHasKubectlsColumns(String kind, String columns) throws Exception {
    ResourceType type = (ResourceType) Resources.class.getField(kind).get(null);
    JsonNode table =
        Tables.table(
            type, List.of(object("{\"metadata\":{\"name\":\"x\"}}")), "1", IncludeObject.NONE, NOW);
    assertThat(table.path("columnDefinitions").findValuesAsText("name"))
        .containsExactly(columns.split(","));
    assertThat(table.path("rows").get(0).path("cells").size())
        .isEqualTo(table.path("columnDefinitions").size());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"subsets\":[{\"addresses\":[{\"ip\":\"10.1.0.1\"},{\"ip\":\"10.1.0.2\"}],\"ports\":[{\"port\":8080}]}]} | 10.1.0.1:8080,10.1.0.2:8080",
        "{\"subsets\":[{\"addresses\":[{\"ip\":\"1.1.1.1\"},{\"ip\":\"1.1.1.2\"},{\"ip\":\"1.1.1.3\"},{\"ip\":\"1.1.1.4\"},{\"ip\":\"1.1.1.5\"}],\"ports\":[{\"port\":80}]}]} | 1.1.1.1:80,1.1.1.2:80,1.1.1.3:80 + 2 more...",
        "{} | <none>",
      })
  void endpointsListUpToThreeAddresses(String body, String expected) {
    ObjectNode ep = object(body);
    ep.putObject("metadata").put("name", "e");
    assertThat(cells(Resources.ENDPOINTS, ep).get(1)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CONFIGMAPS | {\"data\":{\"a\":\"1\",\"b\":\"\"},\"binaryData\":{\"c\":\"AA==\"}} | x,3",
        "CONFIGMAPS | {} | x,0",
        "SECRETS | {\"type\":\"kubernetes.io/tls\",\"data\":{\"tls.crt\":\"\",\"tls.key\":\"\"}} | x,kubernetes.io/tls,2",
        "SERVICEACCOUNTS | {\"secrets\":[{\"name\":\"t\"}]} | x,1",
      })
  void configKindsCountTheirKeys(String kind, String body, String expected) throws Exception {
    ResourceType type = (ResourceType) Resources.class.getField(kind).get(null);
    ObjectNode object = object(body);
    object.putObject("metadata").put("name", "x");
    List<String> cells = cells(type, object);
    assertThat(cells.subList(0, cells.size() - 1)).containsExactly(expected.split(","));
  }

  private static List<String> cells(ResourceType type, ObjectNode object) {
    JsonNode table = Tables.table(type, List.of(object), "1", IncludeObject.NONE, NOW);
    List<String> cells = new ArrayList<>();
    table.path("rows").get(0).path("cells").forEach(c -> cells.add(c.asText()));
    return cells;
  }

  private static ObjectNode pod(String status) {
    return object(
        "{\"metadata\":{\"name\":\"p\",\"creationTimestamp\":\"2025-01-10T11:00:00Z\"},"
            + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]},\"status\":"
            + status
            + "}");
  }

  private static ObjectNode object(String json) {
    return Json.parse(json, ObjectNode.class);
  }
}
