package dev.skiff.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.api.Json;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.meta.IntOrString;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntOrStringTest {

  @Test
  void readsAndWritesNumbersAsNumbersAndNamesAsStrings() {
    ServicePort byNumber = Json.parse("{\"targetPort\":8080}", ServicePort.class);
    ServicePort byName = Json.parse("{\"targetPort\":\"http\"}", ServicePort.class);

    assertThat(byNumber.targetPort.isInt()).isTrue();
    assertThat(byNumber.targetPort.intValue()).isEqualTo(8080);
    assertThat(byName.targetPort.strValue()).isEqualTo("http");
    assertThat(Json.toString(byNumber)).isEqualTo("{\"targetPort\":8080}");
    assertThat(Json.toString(byName)).isEqualTo("{\"targetPort\":\"http\"}");
  }

  @Test
  void rejectsOtherJsonTypes() {
    assertThatThrownBy(() -> Json.parse("{\"targetPort\":{\"a\":1}}", ServicePort.class))
        .isInstanceOf(UncheckedIOException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "25%, 10, true, 3",
    "25%, 10, false, 2",
    "100%, 7, true, 7",
    "0%, 5, true, 0",
    "1, 10, true, 1"
  })
  void scalesPercentagesLikeIntstr(String value, int total, boolean roundUp, int expected) {
    IntOrString v =
        value.endsWith("%") ? IntOrString.of(value) : IntOrString.of(Integer.parseInt(value));

    assertThat(v.scaledValue(total, roundUp)).isEqualTo(expected);
  }

  @Test
  void scalingANameFails() {
    assertThatThrownBy(() -> IntOrString.of("http").scaledValue(10, true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
