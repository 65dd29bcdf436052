package dev.skiff.api.model.meta;

import java.math.BigDecimal;

/** resource.Quantity text ({@code 1Gi}, {@code 500m}, {@code 1e3}) as an exact number. */
public final class Quantity {
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final String[] DECIMAL = {"", "k", "M", "G", "T", "P", "E"};

  private Quantity() {}

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
}
