package dev.skiff.server.auth;

/** An authorizer's answer; {@code reason} says why, for reviews and Forbidden messages. */
public record Decision(boolean allowed, String reason) {
  public static Decision allow(String reason) {
    return new Decision(true, reason);
  }

  public static Decision deny(String reason) {
    return new Decision(false, reason);
  }
}
