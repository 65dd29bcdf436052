package dev.skiff.agent.pod.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Kubernetes' expansion test table (third_party/forked/golang/expansion/expand_test.go). */
class ExpansionTest {
  static final Map<String, String> VARS =
      Map.of(
          "VAR_A", "A",
          "VAR_B", "B",
          "VAR_C", "C",
          "VAR_REF", "$(VAR_A)",
          "VAR_EMPTY", "",
          "VAR_EMPTY2", "");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("$(VAR_A)", "A"),
        Arguments.of("___$(VAR_B)___", "___B___"),
        Arguments.of("___$(VAR_C)", "___C"),
        Arguments.of("$(VAR_A)-$(VAR_A)", "A-A"),
        Arguments.of("$(VAR_A)-1", "A-1"),
        Arguments.of("$(VAR_A)_$(VAR_B)_$(VAR_C)", "A_B_C"),
        Arguments.of("$$(VAR_B)_$(VAR_A)", "$(VAR_B)_A"),
        Arguments.of("$$(VAR_A)$$(VAR_B)", "$(VAR_A)$(VAR_B)"),
        Arguments.of("f000-$$VAR_A", "f000-$VAR_A"),
        Arguments.of("foo\\$(VAR_C)bar", "foo\\Cbar"),
        Arguments.of("foo\\\\$(VAR_C)bar", "foo\\\\Cbar"),
        Arguments.of("$(VAR_A)$(VAR_B)$(VAR_C)", "ABC"),
        Arguments.of("$(VAR_REF)", "$(VAR_A)"),
        Arguments.of("foo$(VAR_EMPTY)bar", "foobar"),
        Arguments.of("$(VAR_EMPTY)$(VAR_EMPTY2)", ""),
        Arguments.of("$(VAR_DNE)", "$(VAR_DNE)"),
        Arguments.of("$(VAR_A", "$(VAR_A"),
        Arguments.of("$(VAR_B)_______$(A", "B_______$(A"),
        Arguments.of("$(VAR_A)$(A", "A$(A"),
        Arguments.of("$", "$"),
        Arguments.of("$$$$$$$(VAR_A)", "$$$A"),
        Arguments.of("$(", "$("),
        Arguments.of("$()", "$()"),
        Arguments.of("$(foo$$var)", "$(foo$$var)"),
        Arguments.of("\n", "\n"),
        Arguments.of("$)", "$)"),
        Arguments.of("$$)", "$)"),
        Arguments.of("$$$", "$$"),
        Arguments.of("foo$", "foo$"),
        Arguments.of("$VAR_A", "$VAR_A"),
        Arguments.of("$$$$(VAR_A)", "$$(VAR_A)"),
        Arguments.of("$(VAR_A)-$(VAR_B", "A-$(VAR_B"),
        Arguments.of("  $(VAR_A)  ", "  A  "));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cases")
  void expandsLikeKubernetes(String input, String expected) {
    assertThat(Expansion.expand(input, VARS)).isEqualTo(expected);
  }

  @Test
  void earlierContextsWin() {
    assertThat(Expansion.expand("$(X)", Map.of("X", "first"), Map.of("X", "second")))
        .isEqualTo("first");
    assertThat(Expansion.expand("$(Y)", Map.of("X", "first"), Map.of("Y", "second")))
        .isEqualTo("second");
  }

  @Test
  void escapingEveryDollarAlwaysGivesTheTextBack() {
    Random random = new Random(20240611L);
    char[] alphabet = {'$', '(', ')', 'A', '_', 'x', ' '};
    for (int i = 0; i < 2000; i++) {
      String text = randomText(random, alphabet);
      String escaped = text.replace("$", "$$");
      assertThat(Expansion.expand(escaped, VARS)).as("escaped %s", text).isEqualTo(text);
    }
  }

  @Test
  void textWithoutDollarsIsUnchanged() {
    Random random = new Random(7L);
    char[] alphabet = {'(', ')', 'A', '_', 'x', ' ', '\\'};
    for (int i = 0; i < 2000; i++) {
      String text = randomText(random, alphabet);
      assertThat(Expansion.expand(text, VARS)).isEqualTo(text);
    }
  }

  @Test
  void undefinedReferencesSurviveWhileDefinedOnesAreReplaced() {
    Random random = new Random(99L);
    String[] pieces = {"$(VAR_A)", "$(NOPE)", "x", "-", "$(VAR_B)"};
    for (int i = 0; i < 1000; i++) {
      StringBuilder in = new StringBuilder();
      StringBuilder out = new StringBuilder();
      int n = random.nextInt(8);
      for (int j = 0; j < n; j++) {
        String p = pieces[random.nextInt(pieces.length)];
        in.append(p);
        out.append(p.replace("$(VAR_A)", "A").replace("$(VAR_B)", "B"));
      }
      assertThat(Expansion.expand(in.toString(), VARS)).isEqualTo(out.toString());
    }
  }

  private static String randomText(Random random, char[] alphabet) {
    int length = random.nextInt(20);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return s.toString();
  }
}
