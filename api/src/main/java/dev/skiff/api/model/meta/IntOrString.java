package dev.skiff.api.model.meta;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.Objects;

/**
 * intstr.IntOrString: a JSON number or a JSON string (a port name such as "http", or a percentage
 * such as "25%"). Immutable.
 */
@JsonSerialize(using = IntOrString.Serializer.class)
@JsonDeserialize(using = IntOrString.Deserializer.class)
public final class IntOrString {
  private final Integer intVal;
  private final String strVal;

  private IntOrString(Integer intVal, String strVal) {
    this.intVal = intVal;
    this.strVal = strVal;
  }

  public static IntOrString of(int value) {
    return new IntOrString(value, null);
  }

  public static IntOrString of(String value) {
    return new IntOrString(null, Objects.requireNonNull(value));
  }

  public boolean isInt() {
    return intVal != null;
  }

  /** The number; 0 for a string value (as intstr.IntValue does for non-numeric strings). */
  public int intValue() {
    if (intVal != null) {
      return intVal;
    }
    try {
      return Integer.parseInt(strVal);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The string, or null for a number. */
  public String strValue() {
    return strVal;
  }

  /**
   * intstr.GetScaledValueFromIntOrPercent: an int as is, or "N%" of total rounded up or down.
   *
   * @throws IllegalArgumentException for a string that is not a percentage
   */
  public int scaledValue(int total, boolean roundUp) {
    if (intVal != null) {
      return intVal;
    }
    if (!strVal.endsWith("%")) {
      throw new IllegalArgumentException(
          "invalid value for IntOrString: invalid type: string is not a percentage");
    }
    int percent;
    try {
      percent = Integer.parseInt(strVal.substring(0, strVal.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid value \"" + strVal + "\": " + e.getMessage());
    }
    long scaled = (long) percent * total;
    return (int) (roundUp ? -Math.floorDiv(-scaled, 100) : Math.floorDiv(scaled, 100));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntOrString other
        && Objects.equals(intVal, other.intVal)
        && Objects.equals(strVal, other.strVal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(intVal, strVal);
  }

  @Override
  public String toString() {
    return intVal != null ? intVal.toString() : strVal;
  }

  static final class Serializer extends JsonSerializer<IntOrString> {
    @Override
    public void serialize(IntOrString value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.intVal != null) {
        gen.writeNumber(value.intVal);
      } else {
        gen.writeString(value.strVal);
      }
    }
  }

  static final class Deserializer extends JsonDeserializer<IntOrString> {
    @Override
    public IntOrString deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT) {
        return IntOrString.of(p.getIntValue());
      }
      if (t == JsonToken.VALUE_STRING) {
        return IntOrString.of(p.getText());
      }
      return (IntOrString) ctxt.handleUnexpectedToken(IntOrString.class, p);
    }
  }
}
