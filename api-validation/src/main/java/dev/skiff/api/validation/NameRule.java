package dev.skiff.api.validation;

import dev.skiff.api.names.Names;
import java.util.List;

/**
 * ValidateNameFunc: checks a metadata.name (or, with {@code prefix}, a generateName, whose trailing
 * dash is allowed).
 */
@FunctionalInterface
public interface NameRule {
  NameRule DNS1123_SUBDOMAIN = (n, prefix) -> Names.isDns1123Subdomain(mask(n, prefix));
  NameRule DNS1123_LABEL = (n, prefix) -> Names.isDns1123Label(mask(n, prefix));
  NameRule DNS1035_LABEL = (n, prefix) -> Names.isDns1035Label(mask(n, prefix));

  List<String> check(String name, boolean prefix);

  private static String mask(String name, boolean prefix) {
    if (prefix && name.endsWith("-")) {
      return name.substring(0, name.length() - 1) + "a";
    }
    return name;
  }
}
