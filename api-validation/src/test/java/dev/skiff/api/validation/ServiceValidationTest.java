package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.PORT_RANGE;
import static dev.skiff.api.validation.Cases.cause;
import static dev.skiff.api.validation.Cases.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.status.StatusCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceValidationTest {
  static final String SERVICE =
      """
      {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},
       "spec":{"selector":{"app":"web"},"clusterIP":"10.96.0.10",
               "ports":[{"name":"http","port":80,"targetPort":"http"},{"name":"dns","port":53,"protocol":"UDP"}]}}
      """;

  static Service svc() {
    return Cases.parse(SERVICE, Service.class);
  }

  static Service parse(String json) {
    return Cases.parse(json, Service.class);
  }

  @Test
  void acceptsRealisticService() {
    assertThat(Validation.validate(svc(), null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"metadata\":{\"name\":\"db\",\"namespace\":\"x\"},\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"db.example.com.\"}}",
        "{\"metadata\":{\"name\":\"h\",\"namespace\":\"x\"},\"spec\":{\"clusterIP\":\"None\",\"selector\":{\"app\":\"h\"}}}",
        "{\"metadata\":{\"name\":\"np\",\"namespace\":\"x\"},\"spec\":{\"type\":\"NodePort\",\"ports\":[{\"port\":80,\"nodePort\":30080}]}}",
        "{\"metadata\":{\"name\":\"lb\",\"namespace\":\"x\"},\"spec\":{\"type\":\"LoadBalancer\",\"externalTrafficPolicy\":\"Local\",\"healthCheckNodePort\":32000,\"ports\":[{\"port\":443}]}}",
        "{\"metadata\":{\"name\":\"aff\",\"namespace\":\"x\"},\"spec\":{\"sessionAffinity\":\"ClientIP\",\"externalIPs\":[\"127.0.50.1\"],\"ports\":[{\"port\":80}]}}"
      })
  void acceptsEveryServiceTypeAsKubernetesDoes(String json) {
    assertThat(Validation.validate(parse(json), null)).isEmpty();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        row(
            "name is a DNS-1035 label",
            (Service s) -> s.metadata.name = "1web",
            cause(
                "metadata.name",
                "FieldValueInvalid",
                "Invalid value: \"1web\": " + Cases.DNS1035_LABEL_MSG)),
        row(
            "type supported",
            (Service s) -> s.spec.type = "Foo",
            cause(
                "spec.type",
                "FieldValueNotSupported",
                "Unsupported value: \"Foo\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"")),
        row(
            "ports required",
            (Service s) -> s.spec.ports = new ArrayList<>(),
            cause("spec.ports", "FieldValueRequired", "Required value")),
        row(
            "port in range",
            (Service s) -> s.spec.ports.get(0).port = 0,
            cause("spec.ports[0].port", "FieldValueInvalid", "Invalid value: 0: " + PORT_RANGE)),
        row(
            "targetPort number in range",
            (Service s) -> s.spec.ports.get(0).targetPort = IntOrString.of(65536),
            cause(
                "spec.ports[0].targetPort",
                "FieldValueInvalid",
                "Invalid value: 65536: " + PORT_RANGE)),
        row(
            "targetPort name is an IANA service name",
            (Service s) -> s.spec.ports.get(0).targetPort = IntOrString.of("-http"),
            cause(
                "spec.ports[0].targetPort",
                "FieldValueInvalid",
                "Invalid value: \"-http\": must not begin or end with a hyphen")),
        row(
            "port names required with several ports",
            (Service s) -> s.spec.ports.get(1).name = null,
            cause("spec.ports[1].name", "FieldValueRequired", "Required value")),
        row(
            "port names unique",
            (Service s) -> s.spec.ports.get(1).name = "http",
            cause("spec.ports[1].name", "FieldValueDuplicate", "Duplicate value: \"http\"")),
        row(
            "port name is a DNS label",
            (Service s) -> s.spec.ports.get(1).name = "DNS",
            cause(
                "spec.ports[1].name",
                "FieldValueInvalid",
                "Invalid value: \"DNS\": " + Cases.DNS1123_LABEL_MSG)),
        row(
            "protocol supported",
            (Service s) -> s.spec.ports.get(0).protocol = "ICMP",
            cause(
                "spec.ports[0].protocol",
                "FieldValueNotSupported",
                "Unsupported value: \"ICMP\": supported values: \"SCTP\", \"TCP\", \"UDP\"")),
        row(
            "port and protocol unique",
            (Service s) -> {
              s.spec.ports.get(1).port = 80;
              s.spec.ports.get(1).protocol = "TCP";
            },
            cause(
                "spec.ports[1]",
                "FieldValueDuplicate",
                "Duplicate value: {\"Name\":\"\",\"Protocol\":\"TCP\",\"AppProtocol\":null,\"Port\":80,\"TargetPort\":0,\"NodePort\":0}")),
        row(
            "nodePort only beyond ClusterIP",
            (Service s) -> s.spec.ports.get(0).nodePort = 30080,
            cause(
                "spec.ports[0].nodePort",
                "FieldValueForbidden",
                "Forbidden: may not be used when `type` is 'ClusterIP'")),
        row(
            "sessionAffinity supported",
            (Service s) -> s.spec.sessionAffinity = "Sticky",
            cause(
                "spec.sessionAffinity",
                "FieldValueNotSupported",
                "Unsupported value: \"Sticky\": supported values: \"ClientIP\", \"None\"")),
        row(
            "affinity timeout at most a day",
            (Service s) -> {
              s.spec.sessionAffinity = "ClientIP";
              dev.skiff.api.defaults.Defaults.apply(s);
              s.spec.sessionAffinityConfig.clientIP.timeoutSeconds = 86401;
            },
            cause(
                "spec.sessionAffinityConfig.clientIP.timeoutSeconds",
                "FieldValueInvalid",
                "Invalid value: 86401: must be greater than 0 and less than 86400")),
        row(
            "selector holds labels",
            (Service s) -> s.spec.selector = Map.of("app", "web!"),
            cause(
                "spec.selector",
                "FieldValueInvalid",
                "Invalid value: \"web!\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")),
        row(
            "clusterIP is an IP",
            (Service s) -> {
              s.spec.clusterIP = "10.96.0.300";
              s.spec.clusterIPs = List.of("10.96.0.300");
            },
            cause(
                "spec.clusterIPs[0]",
                "FieldValueInvalid",
                "Invalid value: \"10.96.0.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")),
        row(
            "clusterIPs start with clusterIP",
            (Service s) -> s.spec.clusterIPs = List.of("10.96.0.11"),
            cause(
                "spec.clusterIPs",
                "FieldValueInvalid",
                "Invalid value: [\"10.96.0.11\"]: first value must match `clusterIP`")),
        row(
            "headless is not NodePort",
            (Service s) -> {
              s.spec.type = "NodePort";
              s.spec.clusterIP = "None";
              s.spec.clusterIPs = List.of("None");
              s.spec.externalTrafficPolicy = "Cluster";
            },
            cause(
                "spec.clusterIPs[0]",
                "FieldValueInvalid",
                "Invalid value: \"None\": may not be set to 'None' for NodePort services")),
        row(
            "externalName required for ExternalName",
            (Service s) -> {
              s.spec.type = "ExternalName";
              s.spec.clusterIP = null;
              s.spec.clusterIPs = null;
              s.spec.ipFamilies = null;
              s.spec.ipFamilyPolicy = null;
              s.spec.internalTrafficPolicy = null;
            },
            cause("spec.externalName", "FieldValueRequired", "Required value")),
        row(
            "ExternalName has no cluster IPs",
            (Service s) -> {
              s.spec.type = "ExternalName";
              s.spec.externalName = "db.example.com";
              s.spec.ipFamilies = null;
              s.spec.ipFamilyPolicy = null;
            },
            cause(
                "spec.clusterIPs",
                "FieldValueForbidden",
                "Forbidden: may not be set for ExternalName services")),
        row(
            "externalTrafficPolicy only when externally reachable",
            (Service s) -> s.spec.externalTrafficPolicy = "Local",
            cause(
                "spec.externalTrafficPolicy",
                "FieldValueInvalid",
                "Invalid value: \"Local\": may only be set for externally-accessible services")),
        row(
            "ipFamilies supported",
            (Service s) -> s.spec.ipFamilies = List.of("IPv5"),
            cause(
                "spec.ipFamilies[0]",
                "FieldValueNotSupported",
                "Unsupported value: \"IPv5\": supported values: \"IPv4\", \"IPv6\"")),
        row(
            "externalIPs are IPs",
            (Service s) -> s.spec.externalIPs = List.of("example.com"),
            cause(
                "spec.externalIPs[0]",
                "FieldValueInvalid",
                "Invalid value: \"example.com\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void reportsEachRuleWithKubernetesFieldReasonAndMessage(
      String name, Consumer<Service> change, List<StatusCause> expected) {
    Service s = svc();
    change.accept(s);
    Cases.assertCauses(Validation.validate(s, null), expected);
  }

  static ServicePort port(String name, int port) {
    ServicePort p = new ServicePort();
    p.name = name;
    p.port = port;
    return p;
  }
}
