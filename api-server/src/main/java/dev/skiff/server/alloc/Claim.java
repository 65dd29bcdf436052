package dev.skiff.server.alloc;

/**
 * Who holds an allocated value: the Service's uid (the identity that makes claims idempotent across
 * retries and distinct across a delete and re-create of the same name), its namespace/name (for
 * messages), and when the claim was made (epoch millis; leak repair waits a grace period after it).
 * Stored in Hazelcast as one string: {@code "uid namespace/name millis"}.
 */
public record Claim(String uid, String service, long claimedAt) {

  public String encode() {
    return uid + " " + service + " " + claimedAt;
  }

  /** Parses {@link #encode()}'s form; null for null. */
  public static Claim decode(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(" ", 3);
    if (parts.length != 3) {
      return new Claim(text, "", 0);
    }
    long at;
    try {
      at = Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      at = 0;
    }
    return new Claim(parts[0], parts[1], at);
  }

  public boolean sameOwner(Claim other) {
    return other != null && uid.equals(other.uid);
  }
}
