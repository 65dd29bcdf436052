package dev.skiff.server.registry;

import java.security.SecureRandom;

/** Completes {@code metadata.generateName} the way the real API server does: 5 random chars. */
public final class NameGenerator {
  static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int RANDOM_LENGTH = 5;
  private static final int MAX_PREFIX = 63 - RANDOM_LENGTH;
  private static final SecureRandom RANDOM = new SecureRandom();

  private NameGenerator() {}

  public static String generate(String prefix) {
    String base = prefix.length() > MAX_PREFIX ? prefix.substring(0, MAX_PREFIX) : prefix;
    StringBuilder name = new StringBuilder(base);
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return name.toString();
  }
}
