package dev.skiff.cli.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JoinTokenTest {
  private static final String FINGERPRINT = "ab".repeat(32);

  @Test
  void aCreatedTokenParsesBackAndHidesItsSecret() {
    JoinToken token = JoinToken.create(FINGERPRINT);
    assertThat(token.text()).startsWith("SK10" + FINGERPRINT + "::");
    assertThat(JoinToken.parse(token.text() + "\n")).isEqualTo(token);
    assertThat(token.toString()).doesNotContain(token.secret());
    assertThat(JoinToken.create(FINGERPRINT).secret()).isNotEqualTo(token.secret());
  }

  @Test
  void refusesWhatIsNotAToken() {
    for (String bad :
        new String[] {
          "",
          "K10" + FINGERPRINT + "::server:abc",
          "SK10" + FINGERPRINT,
          "SK10ab::" + "0".repeat(32)
        }) {
      assertThatThrownBy(() -> JoinToken.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a join token");
    }
  }
}
