package dev.skiff.dns.zone;

/** A Pod's address, for pod records {@code a-b-c-d.<ns>.pod.<zone>}. */
public record PodEntry(String namespace, String name, String ip) {
  public ObjectKey key() {
    return new ObjectKey(namespace, name);
  }
}
