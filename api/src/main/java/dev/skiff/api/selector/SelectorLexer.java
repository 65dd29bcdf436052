package dev.skiff.api.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tokenizer of Kubernetes' label selector grammar ({@code labels.Lexer}). */
final class SelectorLexer {
  enum Token {
    END,
    CLOSE_PAREN,
    COMMA,
    NOT,
    DOUBLE_EQUALS,
    EQUALS,
    GREATER_THAN,
    IDENTIFIER,
    IN,
    LESS_THAN,
    NOT_EQUALS,
    NOT_IN,
    OPEN_PAREN
  }

  record Item(Token token, String literal) {}

  private static final Map<String, Token> LITERALS =
      Map.ofEntries(
          Map.entry(")", Token.CLOSE_PAREN),
          Map.entry(",", Token.COMMA),
          Map.entry("!", Token.NOT),
          Map.entry("==", Token.DOUBLE_EQUALS),
          Map.entry("=", Token.EQUALS),
          Map.entry(">", Token.GREATER_THAN),
          Map.entry("in", Token.IN),
          Map.entry("<", Token.LESS_THAN),
          Map.entry("!=", Token.NOT_EQUALS),
          Map.entry("notin", Token.NOT_IN),
          Map.entry("(", Token.OPEN_PAREN));

  private final String s;
  private int pos;

  private SelectorLexer(String s) {
    this.s = s;
  }

  /** All tokens of the input, always ending with {@link Token#END}. */
  static List<Item> scan(String input) {
    SelectorLexer lexer = new SelectorLexer(input);
    List<Item> items = new ArrayList<>();
    Item item;
    do {
      item = lexer.next();
      items.add(item);
    } while (item.token() != Token.END);
    return items;
  }

  private Item next() {
    while (pos < s.length() && isWhitespace(s.charAt(pos))) {
      pos++;
    }
    if (pos >= s.length()) {
      return new Item(Token.END, "");
    }
    return isSpecial(s.charAt(pos)) ? special() : identifierOrKeyword();
  }

  private Item identifierOrKeyword() {
    int start = pos;
    while (pos < s.length() && !isSpecial(s.charAt(pos)) && !isWhitespace(s.charAt(pos))) {
      pos++;
    }
    String word = s.substring(start, pos);
    Token keyword = LITERALS.get(word);
    return new Item(keyword != null ? keyword : Token.IDENTIFIER, word);
  }

  /** Longest run of special characters that is still an operator ("!=", "==", "=", "(", ...). */
  private Item special() {
    String literal = String.valueOf(s.charAt(pos++));
    while (pos < s.length() && isSpecial(s.charAt(pos))) {
      String longer = literal + s.charAt(pos);
      if (!LITERALS.containsKey(longer)) {
        break;
      }
      literal = longer;
      pos++;
    }
    return new Item(LITERALS.get(literal), literal);
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isSpecial(char c) {
    return switch (c) {
      case '=', '!', '(', ')', ',', '>', '<' -> true;
      default -> false;
    };
  }
}
