package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.PORT_RANGE;
import static dev.skiff.api.validation.Cases.cause;
import static dev.skiff.api.validation.Cases.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.status.StatusCause;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EndpointsValidationTest {
  static final String ENDPOINTS =
      """
      {"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"web","namespace":"default"},
       "subsets":[{"addresses":[{"ip":"127.1.0.5","nodeName":"node-1","targetRef":{"kind":"Pod","name":"web-0"}}],
                   "notReadyAddresses":[{"ip":"127.1.0.6"}],
                   "ports":[{"name":"http","port":8080},{"name":"dns","port":53,"protocol":"UDP"}]}]}
      """;
  static final String SLICE =
      """
      {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
       "metadata":{"name":"web-abc12","namespace":"default","labels":{"kubernetes.io/service-name":"web"}},
       "addressType":"IPv4",
       "endpoints":[{"addresses":["127.1.0.5"],"conditions":{"ready":true},"nodeName":"node-1","hostname":"web-0"}],
       "ports":[{"name":"http","port":8080},{"name":"dns","port":53,"protocol":"UDP"}]}
      """;

  @Test
  void acceptsLoopbackPodAddresses() {
    assertThat(Validation.validate(Cases.parse(ENDPOINTS, Endpoints.class), null)).isEmpty();
    assertThat(Validation.validate(Cases.parse(SLICE, EndpointSlice.class), null)).isEmpty();
  }

  static Stream<Arguments> endpointsRules() {
    return Stream.of(
        row(
            "subset needs addresses",
            (Endpoints e) -> {
              e.subsets.get(0).addresses = null;
              e.subsets.get(0).notReadyAddresses = null;
            },
            cause(
                "subsets[0]",
                "FieldValueRequired",
                "Required value: must specify `addresses` or `notReadyAddresses`")),
        row(
            "address is an IP",
            (Endpoints e) -> e.subsets.get(0).addresses.get(0).ip = "web-0",
            cause(
                "subsets[0].addresses[0].ip",
                "FieldValueInvalid",
                "Invalid value: \"web-0\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")),
        row(
            "port in range",
            (Endpoints e) -> e.subsets.get(0).ports.get(0).port = 0,
            cause(
                "subsets[0].ports[0].port",
                "FieldValueInvalid",
                "Invalid value: 0: " + PORT_RANGE)),
        row(
            "port names required with several ports",
            (Endpoints e) -> e.subsets.get(0).ports.get(1).name = "",
            cause("subsets[0].ports[1].name", "FieldValueRequired", "Required value")),
        row(
            "nodeName is a DNS subdomain",
            (Endpoints e) -> e.subsets.get(0).addresses.get(0).nodeName = "Node_1",
            cause(
                "subsets[0].addresses[0].nodeName",
                "FieldValueInvalid",
                "Invalid value: \"Node_1\": " + Cases.DNS1123_SUBDOMAIN_MSG)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpointsRules")
  void reportsEachEndpointsRule(
      String name, Consumer<Endpoints> change, List<StatusCause> expected) {
    Endpoints e = Cases.parse(ENDPOINTS, Endpoints.class);
    change.accept(e);
    Cases.assertCauses(Validation.validate(e, null), expected);
  }

  static Stream<Arguments> sliceRules() {
    return Stream.of(
        row(
            "addressType supported",
            (EndpointSlice s) -> s.addressType = "IPv5",
            cause(
                "addressType",
                "FieldValueNotSupported",
                "Unsupported value: \"IPv5\": supported values: \"FQDN\", \"IPv4\", \"IPv6\"")),
        row(
            "addressType required",
            (EndpointSlice s) -> s.addressType = null,
            cause("addressType", "FieldValueRequired", "Required value")),
        row(
            "IPv4 slice holds IPv4 addresses",
            (EndpointSlice s) -> s.endpoints.get(0).addresses = List.of("::1"),
            cause(
                "endpoints[0].addresses[0]",
                "FieldValueInvalid",
                "Invalid value: \"::1\": must be a valid IPv4 address")),
        row(
            "endpoint has an address",
            (EndpointSlice s) -> s.endpoints.get(0).addresses = List.of(),
            cause(
                "endpoints[0].addresses",
                "FieldValueRequired",
                "Required value: must contain at least 1 address")),
        row(
            "port names unique",
            (EndpointSlice s) -> s.ports.get(1).name = "http",
            cause("ports[1].name", "FieldValueDuplicate", "Duplicate value: \"http\"")),
        row(
            "port protocol supported",
            (EndpointSlice s) -> s.ports.get(1).protocol = "QUIC",
            cause(
                "ports[1].protocol",
                "FieldValueNotSupported",
                "Unsupported value: \"QUIC\": supported values: \"SCTP\", \"TCP\", \"UDP\"")),
        row(
            "hostname is a DNS label",
            (EndpointSlice s) -> s.endpoints.get(0).hostname = "web.0",
            cause(
                "endpoints[0].hostname",
                "FieldValueInvalid",
                "Invalid value: \"web.0\": " + Cases.DNS1123_LABEL_MSG)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sliceRules")
  void reportsEachEndpointSliceRule(
      String name, Consumer<EndpointSlice> change, List<StatusCause> expected) {
    EndpointSlice s = Cases.parse(SLICE, EndpointSlice.class);
    change.accept(s);
    Cases.assertCauses(Validation.validate(s, null), expected);
  }
}
