package dev.skiff.api.selector;

import dev.skiff.api.names.Names;
import dev.skiff.api.selector.SelectorLexer.Item;
import dev.skiff.api.selector.SelectorLexer.Token;
import dev.skiff.api.status.StatusException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Recursive-descent parser for the label selector string grammar, a port of Kubernetes' {@code
 * labels.Parser} with its error messages:
 *
 * <pre>
 * selector    ::= requirement | requirement "," selector
 * requirement ::= ["!"] KEY [ ("in" | "notin") "(" values ")" | ("=" | "==" | "!=" | "&gt;" | "&lt;") VALUE ]
 * </pre>
 */
final class SelectorParser {
  private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

  private final List<Item> items;
  private int position;

  private SelectorParser(List<Item> items) {
    this.items = items;
  }

  static List<Requirement> parse(String selector) {
    return new SelectorParser(SelectorLexer.scan(selector)).requirements();
  }

  private List<Requirement> requirements() {
    List<Requirement> result = new ArrayList<>();
    while (true) {
      Item next = lookahead(true);
      switch (next.token()) {
        case IDENTIFIER, NOT -> {
          result.add(requirement());
          Item after = consume(true);
          if (after.token() == Token.END) {
            return result;
          }
          if (after.token() != Token.COMMA) {
            throw error("found '" + after.literal() + "', expected: ',' or 'end of string'");
          }
          Item following = lookahead(true);
          if (following.token() != Token.IDENTIFIER && following.token() != Token.NOT) {
            throw error("found '" + following.literal() + "', expected: identifier after ','");
          }
        }
        case END -> {
          return result;
        }
        default ->
            throw error(
                "found '" + next.literal() + "', expected: !, identifier, or 'end of string'");
      }
    }
  }

  private Requirement requirement() {
    boolean negated = false;
    Item item = consume(true);
    if (item.token() == Token.NOT) {
      negated = true;
      item = consume(true);
    }
    if (item.token() != Token.IDENTIFIER) {
      throw requirementError("found '" + item.literal() + "', expected: identifier");
    }
    String key = item.literal();
    List<String> keyErrors = Names.isQualifiedName(key);
    if (!keyErrors.isEmpty()) {
      throw requirementError(FieldErrors.invalid(null, key, String.join("; ", keyErrors)));
    }
    Token next = lookahead(true).token();
    if (negated || next == Token.END || next == Token.COMMA) {
      return validated(key, negated ? Operator.DOES_NOT_EXIST : Operator.EXISTS, List.of());
    }
    Operator op = operator();
    List<String> values =
        op == Operator.IN || op == Operator.NOT_IN ? setValues() : List.of(exactValue());
    return validated(key, op, values);
  }

  private Operator operator() {
    Item item = consume(false);
    return switch (item.token()) {
      case IN -> Operator.IN;
      case NOT_IN -> Operator.NOT_IN;
      case EQUALS -> Operator.EQUALS;
      case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      case GREATER_THAN -> Operator.GREATER_THAN;
      case LESS_THAN -> Operator.LESS_THAN;
      default ->
          throw requirementError("found '" + item.literal() + "', expected: " + BINARY_OPERATORS);
    };
  }

  /** {@code (a,b)}; empty entries such as {@code ()} or {@code (a,)} mean the empty value. */
  private List<String> setValues() {
    Item open = consume(true);
    if (open.token() != Token.OPEN_PAREN) {
      throw requirementError("found '" + open.literal() + "' expected: '('");
    }
    Item first = lookahead(true);
    switch (first.token()) {
      case CLOSE_PAREN -> {
        consume(true);
        return List.of("");
      }
      case IDENTIFIER, COMMA -> {
        return identifierList();
      }
      default ->
          throw requirementError(
              "found '" + first.literal() + "', expected: ',', ')' or identifier");
    }
  }

  private List<String> identifierList() {
    TreeSet<String> values = new TreeSet<>();
    while (true) {
      Item item = consume(true);
      if (item.token() == Token.IDENTIFIER) {
        values.add(item.literal());
        Item next = lookahead(true);
        if (next.token() == Token.CLOSE_PAREN) {
          consume(true);
          return List.copyOf(values);
        }
        if (next.token() != Token.COMMA) {
          throw requirementError("found '" + next.literal() + "', expected: ',' or ')'");
        }
      } else if (item.token() == Token.COMMA) {
        Token next = lookahead(true).token();
        if (values.isEmpty() || next == Token.CLOSE_PAREN || next == Token.COMMA) {
          values.add("");
        }
        if (next == Token.CLOSE_PAREN) {
          consume(true);
          return List.copyOf(values);
        }
      } else {
        throw requirementError("found '" + item.literal() + "', expected: ',', or identifier");
      }
    }
  }

  /** The single value after =, ==, !=, &gt; or &lt;; nothing before ',' or the end means "". */
  private String exactValue() {
    Token next = lookahead(true).token();
    if (next == Token.END || next == Token.COMMA) {
      return "";
    }
    Item item = consume(true);
    if (item.token() != Token.IDENTIFIER) {
      throw requirementError("found '" + item.literal() + "', expected: identifier");
    }
    return item.literal();
  }

  private static Requirement validated(String key, Operator op, List<String> values) {
    List<String> errors = Requirement.problems(key, op, values);
    if (!errors.isEmpty()) {
      throw requirementError(FieldErrors.aggregate(errors));
    }
    return new Requirement(key, op, values);
  }

  /** In a value position the keywords "in" and "notin" are plain identifiers. */
  private Item lookahead(boolean valueContext) {
    return asValue(items.get(position), valueContext);
  }

  private Item consume(boolean valueContext) {
    Item item = items.get(position);
    if (position < items.size() - 1) {
      position++;
    }
    return asValue(item, valueContext);
  }

  private static Item asValue(Item item, boolean valueContext) {
    if (valueContext && (item.token() == Token.IN || item.token() == Token.NOT_IN)) {
      return new Item(Token.IDENTIFIER, item.literal());
    }
    return item;
  }

  private static StatusException requirementError(String message) {
    return error("unable to parse requirement: " + message);
  }

  private static StatusException error(String message) {
    return StatusException.badRequest(message);
  }
}
