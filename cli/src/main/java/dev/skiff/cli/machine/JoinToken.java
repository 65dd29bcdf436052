package dev.skiff.cli.machine;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a machine joins a cluster with: {@code SK10<CA fingerprint>::<secret>}, as k3s's {@code
 * K10<hash>::server:<secret>}. The fingerprint (SHA-256 of the cluster CA certificate, hex) lets a
 * machine that has nothing yet verify the server it joins; the secret proves it may join. The
 * servers keep only the secret's hash ({@link JoinSecret}).
 */
public record JoinToken(String caFingerprint, String secret) {
  private static final Pattern FORMAT = Pattern.compile("SK10([0-9a-f]{64})::([0-9a-f]{32,128})");

  /** A new token for the CA with this fingerprint: 128 random bits of secret. */
  public static JoinToken create(String caFingerprint) {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return new JoinToken(caFingerprint, HexFormat.of().formatHex(bytes));
  }

  /** Parses a token; fails with a message saying what a token looks like. */
  public static JoinToken parse(String text) {
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a join token (expected SK10<64 hex digits>::<secret>, as the first server printed"
              + " and keeps in DATA_DIR/join-token)");
    }
    return new JoinToken(m.group(1), m.group(2));
  }

  public String text() {
    return "SK10" + caFingerprint + "::" + secret;
  }

  @Override
  public String toString() {
    return "JoinToken[" + caFingerprint + ", secret=(hidden)]";
  }
}
