package dev.skiff.dns.zone;

/** A namespaced object name. */
public record ZoneKey(String namespace, String name) {
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
