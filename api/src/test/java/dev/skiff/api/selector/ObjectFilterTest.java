package dev.skiff.api.selector;

import static dev.skiff.api.selector.FieldSelectorTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectFilterTest {
  private static final ObjectNode WEB =
      json(
          """
          {"metadata":{"name":"web","namespace":"default","labels":{"app":"web","tier":"fe"}},
           "status":{"phase":"Running"}}""");
  private static final ObjectNode UNLABELLED =
      json("{\"metadata\":{\"name\":\"db\",\"namespace\":\"default\"}}");

  @Test
  void combinesLabelAndFieldSelectors() {
    assertThat(ObjectFilter.of("app=web", "status.phase=Running", Resources.PODS).test(WEB))
        .isTrue();
    assertThat(ObjectFilter.of("app=web", "status.phase=Pending", Resources.PODS).test(WEB))
        .isFalse();
    assertThat(ObjectFilter.of("app=db", "status.phase=Running", Resources.PODS).test(WEB))
        .isFalse();
  }

  @Test
  void objectsWithoutLabelsMatchNegativeSelectorsOnly() {
    assertThat(ObjectFilter.of("app!=web,!tier", null, Resources.PODS).test(UNLABELLED)).isTrue();
    assertThat(ObjectFilter.of("app", null, Resources.PODS).test(UNLABELLED)).isFalse();
  }

  @Test
  void noSelectorsMatchEverything() {
    ObjectFilter filter = ObjectFilter.of(null, "", Resources.PODS);
    assertThat(filter.isEmpty()).isTrue();
    assertThat(filter.test(WEB)).isTrue();
    assertThat(ObjectFilter.EVERYTHING.test(UNLABELLED)).isTrue();
  }

  @Test
  void rejectsUnsupportedFieldsAndBadLabelSelectorsAsBadRequest() {
    assertThatThrownBy(() -> ObjectFilter.of(null, "spec.nodeName=x", Resources.SERVICES))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(400));
    assertThatThrownBy(() -> ObjectFilter.of("a in (", null, Resources.PODS))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void readsLabelsFromMetadata() {
    assertThat(ObjectFilter.labelsOf(WEB)).isEqualTo(Map.of("app", "web", "tier", "fe"));
    assertThat(ObjectFilter.labelsOf(UNLABELLED)).isEmpty();
  }
}
