package dev.skiff.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skiff.api.model.autoscaling.Scale;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusException;
import org.junit.jupiter.api.Test;

class ValidateOrThrowTest {

  @Test
  void invalidObjectBecomes422WithOneCausePerField() {
    Service svc = Cases.parse(ServiceValidationTest.SERVICE, Service.class);
    svc.spec.type = "Foo";
    svc.spec.ports.get(0).port = 0;

    StatusException e =
        catchThrowableOfType(
            StatusException.class, () -> Validation.validateOrThrow(Resources.SERVICES, svc, null));

    Status s = e.status();
    assertThat(e.code()).isEqualTo(422);
    assertThat(e.reason()).isEqualTo(Reason.INVALID);
    assertThat(s.details.kind).isEqualTo("Service");
    assertThat(s.details.group).isEmpty();
    assertThat(s.details.name).isEqualTo("web");
    assertThat(s.details.causes)
        .extracting(c -> c.field)
        .containsExactly("spec.ports[0].port", "spec.type");
    assertThat(s.message)
        .isEqualTo(
            "Service \"web\" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1"
                + " and 65535, inclusive, spec.type: Unsupported value: \"Foo\": supported values:"
                + " \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"]");
  }

  @Test
  void scaleErrorsNameTheScaleKind() {
    Scale scale =
        Cases.parse(
            "{\"metadata\":{\"name\":\"api\",\"namespace\":\"default\"},\"spec\":{\"replicas\":-1}}",
            Scale.class);

    StatusException e =
        catchThrowableOfType(
            StatusException.class,
            () -> Validation.validateOrThrow(Resources.DEPLOYMENTS, scale, null));

    assertThat(e.status().message)
        .isEqualTo(
            "Scale.autoscaling \"api\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0");
    assertThat(e.status().details.kind).isEqualTo("Scale");
  }

  @Test
  void validObjectPasses() {
    Service svc = Cases.parse(ServiceValidationTest.SERVICE, Service.class);

    assertThatCode(() -> Validation.validateOrThrow(Resources.SERVICES, svc, null))
        .doesNotThrowAnyException();
  }
}
