package dev.skiff.cli.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Status errors printed in kubectl's words (cmdutil.CheckErr). */
class ErrorTextTest {
  static Stream<Arguments> cases() {
    StatusCause required =
        new StatusCause("FieldValueRequired", "Required value", "spec.containers");
    StatusCause image =
        new StatusCause("FieldValueRequired", "Required value", "spec.containers[0].image");
    return Stream.of(
        Arguments.of(
            StatusException.notFound("", "pods", "x"),
            null,
            "Error from server (NotFound): pods \"x\" not found\n"),
        Arguments.of(
            StatusException.notFound("apps", "deployments", "web"),
            null,
            "Error from server (NotFound): deployments.apps \"web\" not found\n"),
        Arguments.of(
            StatusException.alreadyExists("", "pods", "web"),
            "creating \"m/pod.yaml\"",
            "Error from server (AlreadyExists): error when creating \"m/pod.yaml\": pods \"web\" already exists\n"),
        Arguments.of(
            StatusException.invalid("", "Pod", "pods", "web", List.of(required)),
            null,
            "The pods \"web\" is invalid: spec.containers: Required value\n"),
        Arguments.of(
            StatusException.invalid("", "Pod", "pods", "web", List.of(required, image)),
            "creating \"x\"",
            "The pods \"web\" is invalid: \n* spec.containers: Required value\n* spec.containers[0].image: Required value\n"),
        Arguments.of(
            StatusException.unauthorized(),
            null,
            "error: You must be logged in to the server (Unauthorized)\n"),
        Arguments.of(
            new StatusException(Status.failure(500, null, "boom", null)),
            null,
            "Error from server: boom\n"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("cases")
  void printsAsKubectl(StatusException e, String action, String expected) {
    assertThat(ErrorText.of(e, action)).isEqualTo(expected);
  }
}
