package dev.skiff.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.skiff.api.status.StatusException;
import dev.skiff.api.validation.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Properties of label selectors: the seed rule and the parse/print round trip. */
class SelectorProperties {
  private static final Set<Operator> POSITIVE =
      Set.of(Operator.EQUALS, Operator.DOUBLE_EQUALS, Operator.IN, Operator.EXISTS);

  @Property
  void aSelectorBuiltFromAnySubsetOfAPodsLabelsMatchesIt(
      @ForAll("labelSets") Map<String, String> labels, @ForAll("seeds") long seed) {
    Map<String, String> subset = subset(labels, seed);
    assertThat(Selector.fromMap(subset).matches(labels)).isTrue();
    assertThat(Selector.parse(Selector.fromMap(subset).toString()).matches(labels)).isTrue();
  }

  @Property
  void extraLabelsNeverBreakAMatchOfAPositiveSelector(
      @ForAll("labelSets") Map<String, String> labels,
      @ForAll("labelSets") Map<String, String> extra,
      @ForAll("seeds") long seed) {
    Selector selector = positiveSelectorMatching(labels, seed);
    assertThat(selector.matches(labels)).isTrue();
    Map<String, String> more = new HashMap<>(extra);
    more.putAll(labels); // extra labels only add keys, never change the pod's own
    assertThat(selector.matches(more)).isTrue();
  }

  @Property
  void labelsTheSelectorDoesNotMentionNeverChangeTheOutcome(
      @ForAll("selectors") Selector selector,
      @ForAll("labelSets") Map<String, String> labels,
      @ForAll("labelSets") Map<String, String> extra) {
    Set<String> mentioned =
        selector.requirements().stream().map(Requirement::key).collect(Collectors.toSet());
    Map<String, String> more = new HashMap<>(labels);
    extra.forEach(
        (k, v) -> {
          if (!mentioned.contains(k)) {
            more.putIfAbsent(k, v);
          }
        });
    assertThat(selector.matches(more)).isEqualTo(selector.matches(labels));
  }

  @Property
  void removingAnySelectedLabelBreaksTheMatch(
      @ForAll("labelSets") Map<String, String> labels, @ForAll("seeds") long seed) {
    Map<String, String> subset = subset(labels, seed);
    Selector selector = Selector.fromMap(subset);
    for (String key : subset.keySet()) {
      Map<String, String> fewer = new HashMap<>(labels);
      fewer.remove(key);
      assertThat(selector.matches(fewer)).as("without %s", key).isFalse();
    }
  }

  @Property
  void notEqualsAndNotInMatchPodsWithoutTheLabel(
      @ForAll("labelSets") Map<String, String> labels,
      @ForAll("keys") String key,
      @ForAll("values") String value) {
    Map<String, String> without = new HashMap<>(labels);
    without.remove(key);
    assertThat(Selector.parse(key + "!=" + value).matches(without)).isTrue();
    assertThat(Selector.parse(key + " notin (" + value + ",other)").matches(without)).isTrue();
    assertThat(Selector.parse("!" + key).matches(without)).isTrue();
  }

  @Property
  void parsingTheCanonicalFormGivesAnEquivalentSelector(
      @ForAll("selectors") Selector selector, @ForAll("labelSets") Map<String, String> labels) {
    Selector reparsed = Selector.parse(selector.toString());
    assertThat(reparsed).isEqualTo(selector);
    assertThat(reparsed.toString()).isEqualTo(selector.toString());
    assertThat(reparsed.matches(labels)).isEqualTo(selector.matches(labels));
  }

  @Property
  void garbageIsEitherASelectorOrABadRequest(@ForAll("garbage") String input) {
    assertThatCode(
            () -> {
              try {
                Selector.parse(input).matches(Map.of("a", "b"));
              } catch (StatusException e) {
                assertThat(e.code()).isEqualTo(400);
              }
            })
        .doesNotThrowAnyException();
  }

  @Property
  void fieldSelectorGarbageIsEitherASelectorOrABadRequest(@ForAll("garbage") String input) {
    assertThatCode(
            () -> {
              try {
                FieldSelector.parse(input).matches(FieldSelectorTest.json("{\"a\":{\"b\":1}}"));
              } catch (StatusException e) {
                assertThat(e.code()).isEqualTo(400);
              }
            })
        .doesNotThrowAnyException();
  }

  @Property
  void generatedKeysAndValuesAreValid(@ForAll("keys") String key, @ForAll("values") String value) {
    assertThat(Names.isQualifiedName(key)).isEmpty();
    assertThat(Names.isValidLabelValue(value)).isEmpty();
  }

  // ---- generators ----

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<String> keys() {
    Arbitrary<String> common = Arbitraries.of("app", "tier", "version", "kubernetes.io/name");
    Arbitrary<String> name = names();
    Arbitrary<String> prefixed =
        Combinators.combine(dnsSubdomains(), names()).as((p, n) -> p + "/" + n);
    return Arbitraries.frequencyOf(Tuple.of(3, common), Tuple.of(3, name), Tuple.of(1, prefixed));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(Arbitraries.of("", "web", "fe", "7", "in", "notin"), names());
  }

  @Provide
  Arbitrary<Map<String, String>> labelSets() {
    return Arbitraries.maps(keys(), values()).ofMaxSize(6);
  }

  @Provide
  Arbitrary<Selector> selectors() {
    return requirements().list().ofMaxSize(5).map(Selector::of);
  }

  @Provide
  Arbitrary<String> garbage() {
    Arbitrary<String> tokens =
        Arbitraries.of(
                "a", "b", "app", "x/y", "-", "=", "==", "!=", "!", "(", ")", ",", " ", "in",
                "notin", "<", ">", "5", "\\", "\t", "é", "/", ".", "_", "\u0000")
            .list()
            .ofMaxSize(12)
            .map(l -> String.join("", l));
    Arbitrary<String> chars = Arbitraries.strings().ofMaxLength(30);
    return Arbitraries.oneOf(tokens, chars);
  }

  private Arbitrary<Requirement> requirements() {
    return Combinators.combine(keys(), Arbitraries.of(Operator.values()), valueLists())
        .as(SelectorProperties::requirement);
  }

  private Arbitrary<List<String>> valueLists() {
    return values().list().ofMinSize(1).ofMaxSize(3);
  }

  private static Requirement requirement(String key, Operator op, List<String> values) {
    return switch (op) {
      case EXISTS, DOES_NOT_EXIST -> Requirement.of(key, op, List.of());
      case IN, NOT_IN -> Requirement.of(key, op, values);
      case GREATER_THAN, LESS_THAN ->
          Requirement.of(key, op, List.of(String.valueOf(Math.abs(values.get(0).hashCode() % 20))));
      default -> Requirement.of(key, op, List.of(values.get(0)));
    };
  }

  /** A random selector of =, ==, in and exists requirements that the labels satisfy. */
  private static Selector positiveSelectorMatching(Map<String, String> labels, long seed) {
    Random random = new Random(seed);
    List<Requirement> reqs = new ArrayList<>();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (random.nextBoolean()) {
        continue;
      }
      Operator op = List.copyOf(POSITIVE).get(random.nextInt(POSITIVE.size()));
      List<String> values =
          switch (op) {
            case EXISTS -> List.of();
            case IN -> List.of(e.getValue(), "other");
            default -> List.of(e.getValue());
          };
      reqs.add(Requirement.of(e.getKey(), op, values));
    }
    return Selector.of(reqs);
  }

  private static Map<String, String> subset(Map<String, String> labels, long seed) {
    Random random = new Random(seed);
    return labels.entrySet().stream()
        .filter(e -> random.nextBoolean())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Arbitrary<String> names() {
    Arbitrary<Character> edge = Arbitraries.chars().alpha().numeric();
    Arbitrary<String> middle =
        Arbitraries.strings().alpha().numeric().withChars("-_.").ofMaxLength(10);
    return Combinators.combine(edge, middle, edge, Arbitraries.of(true, false))
        .as((a, m, b, single) -> single ? String.valueOf(a) : a + m + b);
  }

  private static Arbitrary<String> dnsSubdomains() {
    Arbitrary<String> label =
        Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(8);
    return label.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
  }
}
