package dev.skiff.server.alloc;

/** An inclusive port range such as 30000-32767 (the NodePort default). */
public record PortRange(int first, int last) implements AddressSpace {
  public static final PortRange NODE_PORT_DEFAULT = new PortRange(30000, 32767);

  public PortRange {
    if (first < 1 || last > 65535 || first > last) {
      throw new IllegalArgumentException("not a port range: " + first + "-" + last);
    }
  }

  /** Parses "30000-32767" (or a single port). */
  public static PortRange parse(String text) {
    String[] parts = text.strip().split("-", -1);
    try {
      int first = Integer.parseInt(parts[0].strip());
      int last = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : first;
      if (parts.length > 2) {
        throw new IllegalArgumentException("not a port range: " + text);
      }
      return new PortRange(first, last);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port range: " + text, e);
    }
  }

  @Override
  public int size() {
    return last - first + 1;
  }

  /** KEP-3668: min(max(16, size/32), 128) ports are kept for static allocation. */
  @Override
  public int staticBand() {
    return Math.min(size(), AddressSpace.band(size(), 16, 32, 128));
  }

  @Override
  public String valueAt(int ordinal) {
    return Integer.toString(first + ordinal);
  }

  @Override
  public int ordinalOf(String value) {
    try {
      int port = Integer.parseInt(value);
      return port >= first && port <= last ? port - first : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public String describe() {
    return first + "-" + last;
  }
}
