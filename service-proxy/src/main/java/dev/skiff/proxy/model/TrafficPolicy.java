package dev.skiff.proxy.model;

/** A Service's externalTrafficPolicy. */
public enum TrafficPolicy {
  /** Any node forwards to any Ready endpoint. */
  CLUSTER,
  /** A node forwards only to its own Ready endpoints; nodes without one refuse. */
  LOCAL;

  public static TrafficPolicy parse(String value) {
    return "Local".equalsIgnoreCase(value) ? LOCAL : CLUSTER;
  }
}
