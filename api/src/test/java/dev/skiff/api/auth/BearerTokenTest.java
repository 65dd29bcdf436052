package dev.skiff.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BearerTokenTest {
  private final BearerToken token = new BearerToken("s3cret-token");

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "Bearer s3cret-token    | true",
        "bearer s3cret-token    | true",
        "BEARER   s3cret-token  | true",
        "Bearer s3cret-token2   | false",
        "Bearer s3cret          | false",
        "Basic s3cret-token     | false",
        "s3cret-token           | false",
        "Bearer                 | false",
        "NULL                   | false",
      })
  void authorizesOnlyTheExpectedTokenUnderTheBearerScheme(String header, boolean expected) {
    assertThat(token.authorizes(header)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {"Bearer abc | abc", "bearer  abc  | abc", "Basic abc | NULL", "NULL | NULL"})
  void presentedIsTheTokenOfTheHeader(String header, String presented) {
    assertThat(BearerToken.presented(header)).isEqualTo(presented);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {"NULL", "''"})
  void anEmptyExpectedTokenIsRefused(String empty) {
    assertThatThrownBy(() -> new BearerToken(empty)).isInstanceOf(IllegalArgumentException.class);
  }
}
