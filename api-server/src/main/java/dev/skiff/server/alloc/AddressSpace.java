package dev.skiff.server.alloc;

/**
 * A finite range of values to hand out (IPs of a CIDR, ports of a range), numbered by ordinals
 * {@code 0 .. size()-1}. Ordinals below {@link #staticBand()} are the lower band that dynamic
 * allocation uses last, so users can pick static values there without colliding (Kubernetes'
 * KEP-3070 for ClusterIPs, KEP-3668 for NodePorts).
 */
public interface AddressSpace {
  int size();

  /** How many of the lowest ordinals dynamic allocation avoids while the upper band has room. */
  int staticBand();

  String valueAt(int ordinal);

  /** The ordinal of {@code value}, or -1 when it is not in this space (or not parseable). */
  int ordinalOf(String value);

  /** How Kubernetes names the valid range in its errors ("10.96.0.0/12", "30000-32767"). */
  String describe();

  default boolean contains(String value) {
    return ordinalOf(value) >= 0;
  }

  /**
   * Kubernetes' calculateRangeOffset: min(max(min, size/step), max), or 0 for tiny ranges.
   *
   * @param rangeSize the size Kubernetes measures (the whole CIDR, or the port count)
   */
  static int band(long rangeSize, int min, int step, int max) {
    if (rangeSize < min) {
      return 0;
    }
    long offset = rangeSize / step;
    return (int) Math.max(min, Math.min(max, offset));
  }
}
