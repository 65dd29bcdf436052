package dev.skiff.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.skiff.api.names.Names;
import dev.skiff.api.status.StatusException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of label selectors, checked on 500 generated cases each: the seed rule (a pod needs
 * ALL of a selector's labels, extra labels do not matter) and the parse/print round trip. Cases
 * come from a seeded {@link Random}, so a failure names the seed that reproduces it.
 */
class SelectorProperties {
  private static final int TRIES = 500;
  private static final List<Operator> POSITIVE =
      List.of(Operator.EQUALS, Operator.DOUBLE_EQUALS, Operator.IN, Operator.EXISTS);

  static Stream<Long> seeds() {
    return LongStream.range(0, TRIES).map(i -> 0x5eed0000L + i).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aSelectorBuiltFromAnySubsetOfAPodsLabelsMatchesIt(long seed) {
    Gen g = new Gen(seed);
    Map<String, String> labels = g.labelSet();
    Map<String, String> subset = g.subset(labels);
    assertThat(Selector.fromMap(subset).matches(labels)).isTrue();
    assertThat(Selector.parse(Selector.fromMap(subset).toString()).matches(labels)).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void extraLabelsNeverBreakAMatchOfAPositiveSelector(long seed) {
    Gen g = new Gen(seed);
    Map<String, String> labels = g.labelSet();
    Selector selector = g.positiveSelectorMatching(labels);
    assertThat(selector.matches(labels)).isTrue();
    Map<String, String> more = new HashMap<>(g.labelSet());
    more.putAll(labels); // extra labels only add keys, never change the pod's own
    assertThat(selector.matches(more)).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void labelsTheSelectorDoesNotMentionNeverChangeTheOutcome(long seed) {
    Gen g = new Gen(seed);
    Selector selector = g.selector();
    Map<String, String> labels = g.labelSet();
    Set<String> mentioned =
        selector.requirements().stream().map(Requirement::key).collect(Collectors.toSet());
    Map<String, String> more = new HashMap<>(labels);
    g.labelSet()
        .forEach(
            (k, v) -> {
              if (!mentioned.contains(k)) {
                more.putIfAbsent(k, v);
              }
            });
    assertThat(selector.matches(more)).isEqualTo(selector.matches(labels));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void removingAnySelectedLabelBreaksTheMatch(long seed) {
    Gen g = new Gen(seed);
    Map<String, String> labels = g.labelSet();
    Map<String, String> subset = g.subset(labels);
    Selector selector = Selector.fromMap(subset);
    for (String key : subset.keySet()) {
      Map<String, String> fewer = new HashMap<>(labels);
      fewer.remove(key);
      assertThat(selector.matches(fewer)).as("without %s", key).isFalse();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void notEqualsAndNotInMatchPodsWithoutTheLabel(long seed) {
    Gen g = new Gen(seed);
    Map<String, String> without = new HashMap<>(g.labelSet());
    String key = g.key();
    String value = g.value();
    without.remove(key);
    assertThat(Selector.parse(key + "!=" + value).matches(without)).isTrue();
    assertThat(Selector.parse(key + " notin (" + value + ",other)").matches(without)).isTrue();
    assertThat(Selector.parse("!" + key).matches(without)).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parsingTheCanonicalFormGivesAnEquivalentSelector(long seed) {
    Gen g = new Gen(seed);
    Selector selector = g.selector();
    Map<String, String> labels = g.labelSet();
    Selector reparsed = Selector.parse(selector.toString());
    assertThat(reparsed).isEqualTo(selector);
    assertThat(reparsed.toString()).isEqualTo(selector.toString());
    assertThat(reparsed.matches(labels)).isEqualTo(selector.matches(labels));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void garbageIsEitherASelectorOrABadRequest(long seed) {
    String input = new Gen(seed).garbage();
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

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void fieldSelectorGarbageIsEitherASelectorOrABadRequest(long seed) {
    String input = new Gen(seed).garbage();
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

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedKeysAndValuesAreValid(long seed) {
    Gen g = new Gen(seed);
    assertThat(Names.isQualifiedName(g.key())).isEmpty();
    assertThat(Names.isValidLabelValue(g.value())).isEmpty();
  }

  /** Generators over one seeded random source. */
  private static final class Gen {
    private static final String ALNUM =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String[] TOKENS = {
      "a", "b", "app", "x/y", "-", "=", "==", "!=", "!", "(", ")", ",", " ", "in", "notin", "<",
      ">", "5", "\\", "\t", "é", "/", ".", "_", "\u0000"
    };
    private final Random random;

    Gen(long seed) {
      this.random = new Random(seed);
    }

    String key() {
      int pick = random.nextInt(7);
      if (pick < 3) {
        return oneOf("app", "tier", "version", "kubernetes.io/name");
      }
      return pick < 6 ? name() : dnsSubdomain() + "/" + name();
    }

    String value() {
      return random.nextBoolean() ? oneOf("", "web", "fe", "7", "in", "notin") : name();
    }

    Map<String, String> labelSet() {
      Map<String, String> labels = new HashMap<>();
      int n = random.nextInt(7);
      for (int i = 0; i < n; i++) {
        labels.put(key(), value());
      }
      return labels;
    }

    Selector selector() {
      List<Requirement> reqs = new ArrayList<>();
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        reqs.add(requirement());
      }
      return Selector.of(reqs);
    }

    private Requirement requirement() {
      String key = key();
      Operator op = Operator.values()[random.nextInt(Operator.values().length)];
      List<String> values = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        values.add(value());
      }
      return switch (op) {
        case EXISTS, DOES_NOT_EXIST -> Requirement.of(key, op, List.of());
        case IN, NOT_IN -> Requirement.of(key, op, values);
        case GREATER_THAN, LESS_THAN ->
            Requirement.of(key, op, List.of(String.valueOf(random.nextInt(20))));
        default -> Requirement.of(key, op, List.of(values.get(0)));
      };
    }

    /** A random selector of =, ==, in and exists requirements that the labels satisfy. */
    Selector positiveSelectorMatching(Map<String, String> labels) {
      List<Requirement> reqs = new ArrayList<>();
      for (Map.Entry<String, String> e : labels.entrySet()) {
        if (random.nextBoolean()) {
          continue;
        }
        Operator op = POSITIVE.get(random.nextInt(POSITIVE.size()));
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

    Map<String, String> subset(Map<String, String> labels) {
      Map<String, String> subset = new HashMap<>();
      labels.forEach(
          (k, v) -> {
            if (random.nextBoolean()) {
              subset.put(k, v);
            }
          });
      return subset;
    }

    String garbage() {
      StringBuilder sb = new StringBuilder();
      if (random.nextBoolean()) {
        int n = random.nextInt(13);
        for (int i = 0; i < n; i++) {
          sb.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
      } else {
        int n = random.nextInt(31);
        for (int i = 0; i < n; i++) {
          sb.append((char) random.nextInt(0x3000));
        }
      }
      return sb.toString();
    }

    private String name() {
      char a = ALNUM.charAt(random.nextInt(ALNUM.length()));
      if (random.nextBoolean()) {
        return String.valueOf(a);
      }
      StringBuilder middle = new StringBuilder();
      int n = random.nextInt(11);
      String chars = ALNUM + "-_.";
      for (int i = 0; i < n; i++) {
        middle.append(chars.charAt(random.nextInt(chars.length())));
      }
      return a + middle.toString() + ALNUM.charAt(random.nextInt(ALNUM.length()));
    }

    private String dnsSubdomain() {
      List<String> labels = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
      for (int i = 0; i < n; i++) {
        StringBuilder label = new StringBuilder();
        int len = 1 + random.nextInt(8);
        for (int j = 0; j < len; j++) {
          label.append(chars.charAt(random.nextInt(chars.length())));
        }
        labels.add(label.toString());
      }
      return String.join(".", labels);
    }

    private String oneOf(String... options) {
      return options[random.nextInt(options.length)];
    }
  }
}
