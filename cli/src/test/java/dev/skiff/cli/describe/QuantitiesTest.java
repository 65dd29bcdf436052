package dev.skiff.cli.describe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** resource.Quantity's canonical form, as kubectl describe prints capacities. */
class QuantitiesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2027520Ki, 1980Mi",
    "1Gi, 1Gi",
    "1024Mi, 1Gi",
    "1536Mi, 1536Mi",
    "2, 2",
    "110, 110",
    "2000m, 2",
    "1500m, 1500m",
    "0, 0",
    "500k, 500k",
    "not-a-quantity, not-a-quantity"
  })
  void printsTheCanonicalForm(String input, String expected) {
    assertThat(Quantities.canonical(input)).isEqualTo(expected);
  }
}
