package dev.skiff.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.model.meta.LabelSelectorRequirement;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorTest {
  private static final Map<String, String> WEB_FE =
      Map.of("app", "web", "tier", "fe", "version", "7");

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                                   | ''
          app=web                              | app=web
          app==web                             | app==web
          app!=web                             | app!=web
          app = web                            | app=web
          '  app  !=  web  '                   | app!=web
          app                                  | app
          !app                                 | !app
          ' ! app'                             | !app
          app in (web,x)                       | app in (web,x)
          app in (x, web , web)                | app in (web,x)
          app notin (a,b)                      | app notin (a,b)
          'app in (web,x),tier!=be,!foo'       | 'app in (web,x),!foo,tier!=be'
          'tier=fe,app=web'                    | 'app=web,tier=fe'
          version>5                            | version>5
          version < 10                         | version<10
          app=                                 | app=
          'app=,tier'                          | 'app=,tier'
          app in ()                            | app in ()
          'app in (,a)'                        | 'app in (,a)'
          'app in (a,)'                        | 'app in (,a)'
          'app in (a,,b)'                      | 'app in (,a,b)'
          in in (in,notin)                     | in in (in,notin)
          kubernetes.io/service-name=websvc    | kubernetes.io/service-name=websvc
          app.kubernetes.io/name in (My_App.1) | app.kubernetes.io/name in (My_App.1)
          """)
  void parsesToTheCanonicalForm(String input, String canonical) {
    assertThat(Selector.parse(input).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "[{0}] matches app=web,tier=fe,version=7: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                            | true
          app=web                       | true
          app==web                      | true
          app=db                        | false
          app!=db                       | true
          app!=web                      | false
          missing!=x                    | true
          missing=x                     | false
          missing=                      | false
          app in (web,x)                | true
          app in (x,y)                  | false
          missing in (web)              | false
          app notin (x,y)               | true
          app notin (web)               | false
          missing notin (web)           | true
          app                           | true
          missing                       | false
          !missing                      | true
          !app                          | false
          'app in (web,x),tier!=be,!foo' | true
          'app in (web,x),tier!=fe,!foo' | false
          'app in (web,x),tier!=be,!app' | false
          version>5                     | true
          version>7                     | false
          version<8                     | true
          version<7                     | false
          app>5                         | false
          missing<5                     | false
          """)
  void matchesLabelsLikeKubernetes(String selector, boolean expected) {
    assertThat(Selector.parse(selector).matches(WEB_FE)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          'a b'           | unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt
          ',a'            | found ',', expected: !, identifier, or 'end of string'
          'a,'            | found '', expected: identifier after ','
          'a,,b'          | found ',', expected: identifier after ','
          'a=b c'         | found 'c', expected: ',' or 'end of string'
          'a in b'        | unable to parse requirement: found 'b' expected: '('
          'a in (b'       | unable to parse requirement: found '', expected: ',' or ')'
          'a in (b c)'    | unable to parse requirement: found 'c', expected: ',' or ')'
          'a in (=)'      | unable to parse requirement: found '=', expected: ',', ')' or identifier
          'a in (b,=)'    | unable to parse requirement: found '=', expected: ',', or identifier
          'a=('           | unable to parse requirement: found '(', expected: identifier
          '!'             | unable to parse requirement: found '', expected: identifier
          '!=a'           | found '!=', expected: !, identifier, or 'end of string'
          '!a=b'          | found '=', expected: ',' or 'end of string'
          'a>b'           | unable to parse requirement: values[0]: Invalid value: "b": for 'Gt', 'Lt' operators, the value must be an integer
          'a=-b'          | unable to parse requirement: values[0][a]: Invalid value: "-b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
          '-a'            | unable to parse requirement: <nil>: Invalid value: "-a": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
          """)
  void rejectsMalformedSelectorsWithTheServersMessage(String input, String message) {
    assertThatThrownBy(() -> Selector.parse(input))
        .isInstanceOfSatisfying(
            StatusException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @Test
  void emptyAndNullSelectEverything() {
    assertThat(Selector.parse("").isEmpty()).isTrue();
    assertThat(Selector.parse(null).isEmpty()).isTrue();
    assertThat(Selector.parse("   ").matches(null)).isTrue();
    assertThat(Selector.parse("app").isEmpty()).isFalse();
  }

  @Test
  void nullLabelsAreTreatedAsNoLabels() {
    assertThat(Selector.parse("app!=web").matches(null)).isTrue();
    assertThat(Selector.parse("app=web").matches(null)).isFalse();
  }

  @Test
  void nothingMatchesNoLabelsAndIsNotEmpty() {
    assertThat(Selector.nothing().matches(WEB_FE)).isFalse();
    assertThat(Selector.nothing().matches(Map.of())).isFalse();
    assertThat(Selector.nothing().isEmpty()).isFalse();
    assertThat(Selector.nothing().matchesNothing()).isTrue();
  }

  @Test
  void fromMapRequiresEveryLabelAndTreatsEmptyAsEverything() {
    Selector s = Selector.fromMap(Map.of("tier", "fe", "app", "web"));
    assertThat(s).hasToString("app=web,tier=fe");
    assertThat(s.matches(WEB_FE)).isTrue();
    assertThat(s.matches(Map.of("app", "web"))).isFalse();
    assertThat(Selector.fromMap(Map.of()).isEmpty()).isTrue();
    assertThat(Selector.fromMap(null).matches(WEB_FE)).isTrue();
  }

  @Test
  void serviceSelectorThatIsEmptyOrNullSelectsNothing() {
    assertThat(Selector.fromServiceSelector(null).matches(WEB_FE)).isFalse();
    assertThat(Selector.fromServiceSelector(Map.of()).matches(WEB_FE)).isFalse();
    assertThat(Selector.fromServiceSelector(Map.of("app", "web")).matches(WEB_FE)).isTrue();
    assertThat(Selector.fromServiceSelector(Map.of("app", "web", "x", "y")).matches(WEB_FE))
        .isFalse();
  }

  @Test
  void equalSelectorsParsedFromDifferentSpellingsAreEqual() {
    assertThat(Selector.parse("tier=fe, app in (x,web)"))
        .isEqualTo(Selector.parse("app in (web,x),tier=fe"))
        .hasSameHashCodeAs(Selector.parse("app in (web,x),tier=fe"));
  }

  @Test
  void nullLabelSelectorSelectsNothingAndEmptySelectsEverything() {
    assertThat(Selector.from(null).matchesNothing()).isTrue();
    assertThat(Selector.from(null).matches(WEB_FE)).isFalse();
    assertThat(Selector.from(new LabelSelector()).isEmpty()).isTrue();
    assertThat(Selector.from(new LabelSelector(Map.of())).matches(Map.of())).isTrue();
  }

  @Test
  void labelSelectorAndsMatchLabelsWithMatchExpressions() {
    LabelSelector ls = new LabelSelector(Map.of("app", "web"));
    ls.matchExpressions =
        List.of(
            new LabelSelectorRequirement("tier", LabelSelectorRequirement.IN, List.of("fe", "be")),
            new LabelSelectorRequirement("canary", LabelSelectorRequirement.DOES_NOT_EXIST, null),
            new LabelSelectorRequirement("version", LabelSelectorRequirement.EXISTS, List.of()),
            new LabelSelectorRequirement("track", LabelSelectorRequirement.NOT_IN, List.of("x")));
    Selector s = Selector.from(ls);
    assertThat(s).hasToString("app=web,!canary,tier in (be,fe),track notin (x),version");
    assertThat(s.matches(WEB_FE)).isTrue();
    assertThat(s.matches(Map.of("app", "web", "tier", "fe"))).isFalse();
    assertThat(Selector.parse(s.toString())).isEqualTo(s);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          app  | Equal  | x   | "Equal" is not a valid label selector operator
          app  | In     |     | values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty
          app  | Exists | x   | values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist
          -app | Exists |     | key: Invalid value: "-app": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
          """)
  void rejectsInvalidLabelSelectorsAsBadRequest(
      String key, String operator, String value, String message) {
    List<String> values = value == null ? List.of() : List.of(value);
    LabelSelector ls = new LabelSelector();
    ls.matchExpressions = List.of(new LabelSelectorRequirement(key, operator, values));
    assertThatThrownBy(() -> Selector.from(ls))
        .isInstanceOfSatisfying(
            StatusException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @Test
  void jsonNullsInALabelSelectorReadAsEmptyStrings() {
    LabelSelector ls = new LabelSelector();
    ls.matchExpressions =
        List.of(
            new LabelSelectorRequirement(
                "app", LabelSelectorRequirement.IN, Arrays.asList("web", null)));
    assertThat(Selector.from(ls)).hasToString("app in (,web)");
  }
}
