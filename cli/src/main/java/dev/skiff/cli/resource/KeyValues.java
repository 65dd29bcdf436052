package dev.skiff.cli.resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code k=v,k2=v2} arguments (labels, env). */
final class KeyValues {
  private KeyValues() {}

  /** Items of {@code k=v} pairs; with {@code commaLists} an item may hold several, by commas. */
  static Map<String, String> parse(List<String> items, String what, boolean commaLists) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String item : items) {
      for (String pair : commaLists ? item.split(",") : new String[] {item}) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw CliException.usage("invalid " + what + " \"" + pair + "\": expected KEY=VALUE");
        }
        map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return map;
  }
}
