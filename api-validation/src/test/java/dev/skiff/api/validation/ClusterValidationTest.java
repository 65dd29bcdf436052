package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.cause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.autoscaling.Scale;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.status.StatusCause;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Namespace, Node, Event, Lease and Scale: one manifest per row, valid or with one problem. */
class ClusterValidationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"kind\":\"Namespace\",\"metadata\":{\"name\":\"prod\"},\"spec\":{\"finalizers\":[\"kubernetes\"]}}",
        "{\"kind\":\"Node\",\"metadata\":{\"name\":\"node-1.local\"},\"spec\":{\"podCIDRs\":[\"10.244.1.0/24\"],\"taints\":[{\"key\":\"dedicated\",\"value\":\"gpu\",\"effect\":\"NoSchedule\"}]}}",
        "{\"kind\":\"Event\",\"metadata\":{\"name\":\"web.17c1\",\"namespace\":\"default\"},\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"web\"},\"reason\":\"Started\"}",
        "{\"kind\":\"Event\",\"metadata\":{\"name\":\"node-1.17c1\",\"namespace\":\"default\"},\"involvedObject\":{\"kind\":\"Node\",\"name\":\"node-1\"},\"reason\":\"Ready\"}",
        "{\"kind\":\"Lease\",\"metadata\":{\"name\":\"node-1\",\"namespace\":\"kube-node-lease\"},\"spec\":{\"holderIdentity\":\"node-1\",\"leaseDurationSeconds\":40}}",
        "{\"kind\":\"Scale\",\"metadata\":{\"name\":\"api\",\"namespace\":\"default\"},\"spec\":{\"replicas\":0}}"
      })
  void acceptsValidObjects(String json) {
    assertThat(Validation.validate(parse(json), null)).isEmpty();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(
            "{\"kind\":\"Namespace\",\"metadata\":{\"name\":\"Prod\"}}",
            cause(
                "metadata.name",
                "FieldValueInvalid",
                "Invalid value: \"Prod\": " + Cases.DNS1123_LABEL_MSG)),
        Arguments.of(
            "{\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a.b\"}}",
            cause(
                "metadata.name",
                "FieldValueInvalid",
                "Invalid value: \"a.b\": " + Cases.DNS1123_LABEL_MSG)),
        Arguments.of(
            "{\"kind\":\"Namespace\",\"metadata\":{\"name\":\"prod\",\"namespace\":\"x\"}}",
            cause(
                "metadata.namespace",
                "FieldValueForbidden",
                "Forbidden: not allowed on this type")),
        Arguments.of(
            "{\"kind\":\"Namespace\",\"metadata\":{\"name\":\"prod\"},\"spec\":{\"finalizers\":[\"wait\"]}}",
            cause(
                "spec.finalizers",
                "FieldValueInvalid",
                "Invalid value: \"wait\": name is neither a standard finalizer name nor is it fully qualified")),
        Arguments.of(
            "{\"kind\":\"Node\",\"metadata\":{\"name\":\"Node 1\"}}",
            cause(
                "metadata.name",
                "FieldValueInvalid",
                "Invalid value: \"Node 1\": " + Cases.DNS1123_SUBDOMAIN_MSG)),
        Arguments.of(
            "{\"kind\":\"Node\",\"metadata\":{\"name\":\"n\"},\"spec\":{\"taints\":[{\"key\":\"k\",\"effect\":\"NoRun\"}]}}",
            cause(
                "spec.taints[0].effect",
                "FieldValueNotSupported",
                "Unsupported value: \"NoRun\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"")),
        Arguments.of(
            "{\"kind\":\"Node\",\"metadata\":{\"name\":\"n\"},\"spec\":{\"taints\":[{\"key\":\"k\",\"effect\":\"NoSchedule\"},{\"key\":\"k\",\"value\":\"v\",\"effect\":\"NoSchedule\"}]}}",
            cause(
                "spec.taints[1]",
                "FieldValueDuplicate",
                "Duplicate value: {\"key\":\"k\",\"value\":\"v\",\"effect\":\"NoSchedule\"}: taints must be unique by key and effect pair")),
        Arguments.of(
            "{\"kind\":\"Node\",\"metadata\":{\"name\":\"n\"},\"spec\":{\"podCIDRs\":[\"10.244.1.0/33\"]}}",
            cause(
                "spec.podCIDRs[0]",
                "FieldValueInvalid",
                "Invalid value: \"10.244.1.0/33\": must be a valid CIDR")),
        Arguments.of(
            "{\"kind\":\"Event\",\"metadata\":{\"name\":\"e\",\"namespace\":\"default\"},\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"prod\",\"name\":\"web\"}}",
            cause(
                "involvedObject.namespace",
                "FieldValueInvalid",
                "Invalid value: \"prod\": does not match event.namespace")),
        Arguments.of(
            "{\"kind\":\"Event\",\"metadata\":{\"name\":\"e\",\"namespace\":\"default\"},\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"web\"},\"eventTime\":\"2024-05-01T10:00:00.000000Z\",\"reportingComponent\":\"kubelet\",\"reportingInstance\":\"node-1\",\"reason\":\"Started\"}",
            cause("action", "FieldValueRequired", "Required value")),
        Arguments.of(
            "{\"kind\":\"Lease\",\"metadata\":{\"name\":\"l\",\"namespace\":\"kube-node-lease\"},\"spec\":{\"leaseDurationSeconds\":0}}",
            cause(
                "spec.leaseDurationSeconds",
                "FieldValueInvalid",
                "Invalid value: 0: must be greater than 0")),
        Arguments.of(
            "{\"kind\":\"Scale\",\"metadata\":{\"name\":\"api\",\"namespace\":\"default\"},\"spec\":{\"replicas\":-1}}",
            cause(
                "spec.replicas",
                "FieldValueInvalid",
                "Invalid value: -1: must be greater than or equal to 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void reportsEachRuleWithKubernetesFieldReasonAndMessage(String json, StatusCause expected) {
    Cases.assertCauses(Validation.validate(parse(json), null), List.of(expected));
  }

  static KubeObject parse(String json) {
    String kind = json.substring(json.indexOf(":\"") + 2, json.indexOf("\",")).trim();
    Class<? extends KubeObject> type =
        switch (kind) {
          case "Namespace" -> Namespace.class;
          case "Node" -> Node.class;
          case "Event" -> Event.class;
          case "Lease" -> Lease.class;
          default -> Scale.class;
        };
    return Cases.parse(json, type);
  }
}
