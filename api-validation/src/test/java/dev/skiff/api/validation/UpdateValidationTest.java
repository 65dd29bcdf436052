package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.cause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.Toleration;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.status.StatusCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an update may change, per kind, and the Kubernetes wording when it may not. */
class UpdateValidationTest {

  @Test
  void podUpdateMayChangeImagesAndBindANode() {
    Pod old = Cases.parse(PodValidationTest.POD, Pod.class);
    Pod pod = Cases.copy(old);
    pod.spec.containers.get(0).image = "nginx:1.28";
    pod.spec.nodeName = "node-1";
    pod.spec.activeDeadlineSeconds = 60L;
    pod.metadata.labels = Map.of("app", "web", "new", "label");

    assertThat(Validation.validate(pod, old)).isEmpty();
  }

  @Test
  void podUpdateMayNotChangeOtherSpecFields() {
    Pod old = Cases.parse(PodValidationTest.POD, Pod.class);
    Pod pod = Cases.copy(old);
    pod.spec.containers.get(0).args = List.of("--verbose");

    List<StatusCause> causes = Validation.validate(pod, old);

    assertThat(causes)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field).isEqualTo("spec");
              assertThat(c.reason).isEqualTo("FieldValueForbidden");
              assertThat(c.message).startsWith("Forbidden: " + PodValidation.UPDATE_FORBIDDEN);
              assertThat(c.message).contains("spec.containers");
            });
  }

  @Test
  void podUpdateMayNotRebindOrAddContainers() {
    Pod old = Cases.parse(PodValidationTest.POD, Pod.class);
    old.spec.nodeName = "node-1";
    Pod moved = Cases.copy(old);
    moved.spec.nodeName = "node-2";
    Pod grown = Cases.copy(old);
    grown.spec.containers.add(PodValidationTest.sidecar("extra"));

    assertThat(Validation.validate(moved, old)).extracting(c -> c.field).containsExactly("spec");
    Cases.assertCauses(
        Validation.validate(grown, old),
        cause(
            "spec.containers",
            "FieldValueForbidden",
            "Forbidden: pod updates may not add or remove containers"));
  }

  @Test
  void podUpdateMayOnlyAddTolerations() {
    Pod old = Cases.parse(PodValidationTest.POD, Pod.class);
    old.spec.tolerations = new ArrayList<>(List.of(PodValidationTest.toleration("Exists")));
    Pod added = Cases.copy(old);
    added.spec.tolerations.add(PodValidationTest.toleration("Equal"));
    Pod removed = Cases.copy(old);
    removed.spec.tolerations = List.of(new Toleration[0]);

    assertThat(Validation.validate(added, old)).isEmpty();
    assertThat(Validation.validate(removed, old))
        .extracting(c -> c.field)
        .contains("spec.tolerations");
  }

  @Test
  void metadataNameIsImmutable() {
    Pod old = Cases.parse(PodValidationTest.POD, Pod.class);
    Pod pod = Cases.copy(old);
    pod.metadata.name = "web2";

    Cases.assertCauses(
        Validation.validate(pod, old),
        cause("metadata.name", "FieldValueInvalid", "Invalid value: \"web2\": field is immutable"));
  }

  @Test
  void serviceClusterIpMayNotChangeOnceSet() {
    Service old = Cases.parse(ServiceValidationTest.SERVICE, Service.class);
    Service svc = Cases.copy(old);
    svc.spec.clusterIP = "10.96.0.11";
    svc.spec.clusterIPs = List.of("10.96.0.11");
    Service same = Cases.copy(old);
    same.spec.ports.get(0).port = 8080;

    Cases.assertCauses(
        Validation.validate(svc, old),
        cause(
            "spec.clusterIPs[0]",
            "FieldValueInvalid",
            "Invalid value: [\"10.96.0.11\"]: may not change once set"));
    assertThat(Validation.validate(same, old)).isEmpty();
  }

  @Test
  void serviceMayChangeToAndFromExternalName() {
    Service old = Cases.parse(ServiceValidationTest.SERVICE, Service.class);
    Service svc =
        Cases.parse(
            "{\"metadata\":{\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"web.example.com\"}}",
            Service.class);

    assertThat(Validation.validate(svc, old)).isEmpty();
  }

  @Test
  void deploymentSelectorIsImmutable() {
    Deployment old = WorkloadValidationTest.deployment();
    Deployment d = Cases.copy(old);
    d.spec.selector = new LabelSelector(Map.of("app", "api", "tier", "backend"));
    Deployment scaled = Cases.copy(old);
    scaled.spec.replicas = 10;

    Cases.assertCauses(
        Validation.validate(d, old),
        cause(
            "spec.selector",
            "FieldValueInvalid",
            "Invalid value: {\"matchLabels\":{\"app\":\"api\",\"tier\":\"backend\"}}: field is immutable"));
    assertThat(Validation.validate(scaled, old)).isEmpty();
  }

  @Test
  void endpointSliceAddressTypeIsImmutable() {
    EndpointSlice old = Cases.parse(EndpointsValidationTest.SLICE, EndpointSlice.class);
    EndpointSlice s = Cases.copy(old);
    s.addressType = "FQDN";
    s.endpoints.get(0).addresses = List.of("web.example.com");

    Cases.assertCauses(
        Validation.validate(s, old),
        cause("addressType", "FieldValueInvalid", "Invalid value: \"FQDN\": field is immutable"));
  }

  @Test
  void nodeProviderIdAndPodCidrsAreSetOnce() {
    Node old =
        Cases.parse(
            "{\"metadata\":{\"name\":\"n1\"},\"spec\":{\"providerID\":\"skiff://n1\"}}",
            Node.class);
    Node first = Cases.copy(old);
    first.spec.podCIDRs = List.of("10.244.1.0/24");
    Node changed = Cases.copy(old);
    changed.spec.providerID = "skiff://n2";

    assertThat(Validation.validate(first, old)).isEmpty();
    Cases.assertCauses(
        Validation.validate(changed, old),
        cause(
            "spec.providerID",
            "FieldValueForbidden",
            "Forbidden: node updates may not change providerID except from \"\" to valid"));
  }
}
