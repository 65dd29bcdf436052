package dev.skiff.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSelectorTest {
  private static final ObjectNode POD =
      json(
          """
          {"kind":"Pod","metadata":{"name":"web","namespace":"default"},
           "spec":{"nodeName":"node1","restartPolicy":"Always"},
           "status":{"phase":"Running","podIP":"10.0.0.5"}}""");
  private static final ObjectNode NODE_EVENT =
      json(
          """
          {"kind":"Event","metadata":{"name":"node1.1","namespace":"default"},
           "involvedObject":{"kind":"Node","name":"node1","uid":"node1"},
           "reason":"Starting","type":"Normal","source":{"component":"kubelet","host":"node1"},
           "reportingComponent":"","reportingController":"kubelet"}""");
  private static final ObjectNode RS =
      json("{\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"a\"},\"status\":{\"replicas\":3}}");

  @ParameterizedTest(name = "pod [{0}]: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                                                    | true
          metadata.name=web                                     | true
          metadata.name==web                                    | true
          metadata.name!=web                                    | false
          'metadata.name=web,metadata.namespace=default'        | true
          'metadata.name=web,metadata.namespace=other'          | false
          'spec.nodeName=node1,status.phase!=Succeeded,status.phase!=Failed' | true
          'status.phase=Running,metadata.name!=x'               | true
          spec.hostNetwork=false                                | true
          spec.hostNetwork=true                                 | false
          status.nominatedNodeName=                             | true
          spec.schedulerName!=                                  | false
          """)
  void matchesPodFields(String selector, boolean expected) {
    assertThat(FieldSelector.parse(selector).validate(Resources.PODS).matches(POD))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "event [{0}]: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          'involvedObject.name=node1,involvedObject.namespace=,involvedObject.kind=Node,involvedObject.uid=node1' | true
          involvedObject.namespace=default                      | false
          source=kubelet                                        | true
          source=scheduler                                      | false
          reportingComponent=kubelet                            | true
          'type=Normal,reason=Starting'                         | true
          """)
  void matchesEventFieldsIncludingSourceComponent(String selector, boolean expected) {
    assertThat(FieldSelector.parse(selector).validate(Resources.EVENTS).matches(NODE_EVENT))
        .isEqualTo(expected);
  }

  @Test
  void readsNumbersAsTextAndAbsentCountsAsZero() {
    assertThat(FieldSelector.parse("status.replicas=3").matches(RS)).isTrue();
    assertThat(FieldSelector.parse("status.replicas=0").matches(json("{}"))).isTrue();
  }

  @Test
  void rejectsFieldsTheKindDoesNotSupport() {
    assertThatThrownBy(() -> FieldSelector.parse("spec.replicas=1").validate(Resources.DEPLOYMENTS))
        .isInstanceOfSatisfying(
            StatusException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
              assertThat(e.getMessage()).isEqualTo("field label not supported: spec.replicas");
            });
    assertThat(FieldSelector.parse("metadata.namespace=x").validate(Resources.NODES).isEmpty())
        .isFalse();
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          metadata.name                     | invalid selector: 'metadata.name'; can't understand 'metadata.name'
          'a=b,c'                           | invalid selector: 'a=b,c'; can't understand 'c'
          a=b=c                             | invalid field selector: unescaped character in value: '='
          a=b\\x                            | invalid field selector: invalid escape sequence: \\x
          a=b\\                             | invalid field selector: invalid escape sequence: \\
          """)
  void rejectsMalformedTerms(String selector, String message) {
    assertThatThrownBy(() -> FieldSelector.parse(selector))
        .isInstanceOfSatisfying(
            StatusException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @Test
  void unescapesValuesAndEscapesThemBackInToString() {
    FieldSelector s = FieldSelector.parse("metadata.name=a\\,b\\=c\\\\d");
    assertThat(s.terms())
        .containsExactly(new FieldSelector.Term("metadata.name", true, "a,b=c\\d"));
    assertThat(FieldSelector.parse(s.toString())).isEqualTo(s);
  }

  @Test
  void emptyTermsAreSkippedAndTermsSorted() {
    assertThat(FieldSelector.parse(",b=1,,a!=2,").toString()).isEqualTo("a!=2,b=1");
    assertThat(FieldSelector.parse("").isEmpty()).isTrue();
    assertThat(FieldSelector.parse(null).matches(POD)).isTrue();
  }

  @Test
  void exposesTheExactNameAGetWatchAsksFor() {
    assertThat(FieldSelector.parse("metadata.name=web").requiresExactMatch("metadata.name"))
        .contains("web");
    assertThat(FieldSelector.parse("metadata.name!=web").requiresExactMatch("metadata.name"))
        .isEmpty();
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
