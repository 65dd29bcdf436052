package dev.skiff.server.alloc;

/**
 * The usable addresses of an IPv4 CIDR: every address except the network and broadcast address, as
 * Kubernetes' IP allocator hands them out. Ordinal 0 is the first address after the network address
 * (127.10.0.1 in 127.10.0.0/16), so ordinal 9 is the "10th address" (kube-dns).
 */
public record Ipv4Range(String cidr, long network, int prefix) implements AddressSpace {

  /** Parses "127.10.0.0/16"; host bits must be zero; prefix 1..30. */
  public static Ipv4Range parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR: " + cidr);
    }
    long address = parseIp(cidr.substring(0, slash));
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR: " + cidr, e);
    }
    if (address < 0 || prefix < 1 || prefix > 30) {
      throw new IllegalArgumentException("not a usable IPv4 CIDR (prefix 1..30): " + cidr);
    }
    long mask = (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    if ((address & ~mask & 0xffffffffL) != 0) {
      throw new IllegalArgumentException("CIDR has host bits set: " + cidr);
    }
    return new Ipv4Range(cidr, address, prefix);
  }

  @Override
  public int size() {
    return (int) Math.min(Integer.MAX_VALUE, (1L << (32 - prefix)) - 2);
  }

  /** KEP-3070: min(max(16, cidrSize/16), 256) addresses are kept for static allocation. */
  @Override
  public int staticBand() {
    return Math.min(size(), AddressSpace.band(1L << (32 - prefix), 16, 16, 256));
  }

  @Override
  public String valueAt(int ordinal) {
    return format(network + 1 + ordinal);
  }

  @Override
  public int ordinalOf(String value) {
    long ip = parseIp(value);
    if (ip < 0) {
      return -1;
    }
    long ordinal = ip - network - 1;
    return ordinal >= 0 && ordinal < size() ? (int) ordinal : -1;
  }

  @Override
  public String describe() {
    return cidr;
  }

  /** The address as an unsigned 32-bit number, or -1 when {@code text} is not dotted IPv4. */
  static long parseIp(String text) {
    if (text == null) {
      return -1;
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return -1;
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  static String format(long ip) {
    return ((ip >> 24) & 0xff)
        + "."
        + ((ip >> 16) & 0xff)
        + "."
        + ((ip >> 8) & 0xff)
        + "."
        + (ip & 0xff);
  }
}
