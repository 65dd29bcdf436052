package dev.skiff.cli.describe;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * resource.Quantity as kubectl prints it: parsed to an exact number, printed in canonical form (the
 * largest suffix of the same family that keeps an integer: {@code 2027520Ki} is {@code 1980Mi},
 * {@code 1500m} stays, {@code 2000m} is {@code 2}).
 */
public final class Quantities {
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final String[] DECIMAL = {"", "k", "M", "G", "T", "P", "E"};

  private Quantities() {}

  /** The value; null when the text is not a quantity. */
  public static BigDecimal parse(String text) {
    return dev.skiff.api.model.meta.Quantity.parse(text);
  }

  /** Canonical text of {@code original}, keeping its suffix family; unparsable text as is. */
  static String canonical(String original) {
    BigDecimal value = parse(original);
    if (value == null) {
      return original;
    }
    boolean binary = original.endsWith("i");
    return format(value, binary);
  }

  /** {@code value} with the largest exact suffix; milli-units when it is not an integer. */
  static String format(BigDecimal value, boolean binary) {
    if (value.signum() == 0) {
      return "0";
    }
    if (value.stripTrailingZeros().scale() > 0) {
      return value.movePointRight(3).setScale(0, java.math.RoundingMode.UP).toPlainString() + "m";
    }
    BigInteger n = value.toBigIntegerExact();
    String[] suffixes = binary ? BINARY : DECIMAL;
    BigInteger base = BigInteger.valueOf(binary ? 1024 : 1000);
    int i = 0;
    while (i < suffixes.length - 1 && n.mod(base).signum() == 0) {
      n = n.divide(base);
      i++;
    }
    return n + suffixes[i];
  }
}
