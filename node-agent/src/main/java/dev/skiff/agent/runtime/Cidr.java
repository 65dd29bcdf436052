package dev.skiff.agent.runtime;

/** An IPv4 CIDR block such as {@code 127.1.3.0/24}. */
public record Cidr(int network, int prefix) {

  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR: " + text);
    }
    int prefix = Integer.parseInt(text.substring(slash + 1));
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("bad prefix length in " + text);
    }
    int mask = mask(prefix);
    return new Cidr(toInt(text.substring(0, slash)) & mask, prefix);
  }

  /** Addresses usable by hosts: all but the network and broadcast addresses (for /31, /32: all). */
  public int hostCount() {
    long size = 1L << (32 - prefix);
    return (int) (prefix >= 31 ? size : size - 2);
  }

  /** The {@code index}-th host address, 0-based (the first is network + 1). */
  public String host(int index) {
    if (index < 0 || index >= hostCount()) {
      throw new IllegalArgumentException("host index " + index + " outside " + this);
    }
    return toText(network + (prefix >= 31 ? index : index + 1));
  }

  /** The host index of {@code ip}, or -1 if it is not a host address of this block. */
  public int indexOf(String ip) {
    int value;
    try {
      value = toInt(ip);
    } catch (IllegalArgumentException e) {
      return -1;
    }
    if ((value & mask(prefix)) != network) {
      return -1;
    }
    int index = prefix >= 31 ? value - network : value - network - 1;
    return index >= 0 && index < hostCount() ? index : -1;
  }

  public boolean contains(String ip) {
    try {
      return (toInt(ip) & mask(prefix)) == network;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return toText(network) + "/" + prefix;
  }

  static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  static int toInt(String ip) {
    String[] parts = ip.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + ip);
    }
    int value = 0;
    for (String part : parts) {
      int octet;
      try {
        octet = Integer.parseInt(part);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an IPv4 address: " + ip, e);
      }
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + ip);
      }
      value = value << 8 | octet;
    }
    return value;
  }

  static String toText(int value) {
    return (value >>> 24)
        + "."
        + (value >>> 16 & 255)
        + "."
        + (value >>> 8 & 255)
        + "."
        + (value & 255);
  }
}
