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
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      for (int i = BINARY.length - 1; i > 0; i--) {
        if (text.endsWith(BINARY[i])) {
          return new BigDecimal(text.substring(0, text.length() - 2))
              .multiply(BigDecimal.valueOf(1024).pow(i));
        }
      }
      for (String[] small : new String[][] {{"m", "3"}, {"u", "6"}, {"n", "9"}}) {
        if (text.endsWith(small[0])) {
          return new BigDecimal(text.substring(0, text.length() - 1))
              .movePointLeft(Integer.parseInt(small[1]));
        }
      }
      for (int i = DECIMAL.length - 1; i > 0; i--) {
        if (text.endsWith(DECIMAL[i])) {
          return new BigDecimal(text.substring(0, text.length() - 1)).movePointRight(3 * i);
        }
      }
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
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
