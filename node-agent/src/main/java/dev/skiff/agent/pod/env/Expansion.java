package dev.skiff.agent.pod.env;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Kubernetes' {@code $(VAR)} expansion (third_party/forked/golang/expansion), byte for byte: {@code
 * $(NAME)} becomes the variable's value when defined and stays as written when not; {@code $$}
 * becomes {@code $} (so {@code $$(NAME)} is the literal text {@code $(NAME)}); any other {@code $}
 * is kept; an unterminated {@code $(} is kept.
 */
public final class Expansion {
  private Expansion() {}

  /** Expands with the first of {@code contexts} that defines a name. */
  @SafeVarargs
  public static String expand(String input, Map<String, String>... contexts) {
    return expand(input, mapping(contexts));
  }

  public static String expand(String input, Function<String, String> mapping) {
    StringBuilder out = new StringBuilder();
    int checkpoint = 0;
    for (int cursor = 0; cursor < input.length(); cursor++) {
      if (input.charAt(cursor) == '$' && cursor + 1 < input.length()) {
        out.append(input, checkpoint, cursor);
        String rest = input.substring(cursor + 1);
        int advance;
        char next = rest.charAt(0);
        if (next == '$') {
          out.append('$');
          advance = 1;
        } else if (next == '(') {
          int close = rest.indexOf(')', 1);
          if (close >= 0) {
            out.append(mapping.apply(rest.substring(1, close)));
            advance = close + 1;
          } else {
            out.append("$(");
            advance = 1;
          }
        } else {
          out.append('$').append(next);
          advance = 1;
        }
        cursor += advance;
        checkpoint = cursor + 1;
      }
    }
    return out.append(input.substring(Math.min(checkpoint, input.length()))).toString();
  }

  /** Each element expanded against {@code env}; null stays null. */
  public static List<String> expandAll(List<String> inputs, Map<String, String> env) {
    if (inputs == null) {
      return null;
    }
    Function<String, String> mapping = mapping(env);
    return inputs.stream().map(s -> expand(s, mapping)).toList();
  }

  @SafeVarargs
  private static Function<String, String> mapping(Map<String, String>... contexts) {
    return name -> {
      for (Map<String, String> vars : contexts) {
        String value = vars.get(name);
        if (value != null) {
          return value;
        }
      }
      return "$(" + name + ")";
    };
  }
}
