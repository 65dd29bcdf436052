package dev.skiff.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.skiff.api.Json;
import dev.skiff.api.defaults.Defaults;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.status.StatusCause;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.provider.Arguments;

/** Table rows for validation tests: a change to a valid object and the causes it must produce. */
final class Cases {
  static final String DNS1123_LABEL_MSG =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  static final String DNS1123_SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  static final String DNS1035_LABEL_MSG =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or"
          + " 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
  static final String PORT_RANGE = "must be between 1 and 65535, inclusive";

  private Cases() {}

  static StatusCause cause(String field, String reason, String message) {
    return new StatusCause(reason, message, field);
  }

  static <T> Arguments row(String name, Consumer<T> change, StatusCause... expected) {
    return Arguments.of(name, change, List.of(expected));
  }

  /** Parses, defaults (as the server does before validating) and returns the object. */
  static <T extends KubeObject> T parse(String json, Class<T> type) {
    T obj = Json.parse(json, type);
    Defaults.apply(obj);
    return obj;
  }

  static <T extends KubeObject> T copy(T obj) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) obj.getClass();
    return Json.copy(obj, type);
  }

  static void assertCauses(List<StatusCause> actual, List<StatusCause> expected) {
    assertThat(actual)
        .extracting(c -> c.field, c -> c.reason, c -> c.message)
        .containsExactlyElementsOf(
            expected.stream().map(c -> tuple(c.field, c.reason, c.message)).toList());
  }

  static void assertCauses(List<StatusCause> actual, StatusCause... expected) {
    assertCauses(actual, Arrays.asList(expected));
  }
}
