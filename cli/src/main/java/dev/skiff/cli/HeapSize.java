package dev.skiff.cli;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The maximum heap of the cluster's JVM: {@code skiff up --heap SIZE}, or by default a sixteenth of
 * the machine's memory, at least {@link #MIN_MIB} and at most {@link #MAX_DEFAULT_MIB} MiB (the
 * fixed 256 MiB it had filled with 43 large Services on 5 nodes).
 */
final class HeapSize {
  static final long MIN_MIB = 256;
  static final long MAX_DEFAULT_MIB = 2048;

  private HeapSize() {}

  /** The default for a machine of {@code physicalBytes}. */
  static long defaultMiB(long physicalBytes) {
    return Math.max(MIN_MIB, Math.min(MAX_DEFAULT_MIB, (physicalBytes >> 20) / 16));
  }

  /** The default for this machine. */
  static long defaultMiB() {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return defaultMiB(os.getTotalMemorySize());
  }

  /**
   * MiB of "512m", "2g", "1536" (MiB) or "1048576k".
   *
   * @throws IllegalArgumentException for anything else, or less than {@link #MIN_MIB}
   */
  static long parseMiB(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    long factor = 1;
    long divisor = 1;
    if (t.endsWith("g")) {
      factor = 1024;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("k")) {
      divisor = 1024;
      t = t.substring(0, t.length() - 1);
    }
    long mib;
    try {
      mib = Long.parseLong(t) * factor / divisor;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--heap must be a size such as 512m or 2g, not " + text);
    }
    if (mib < MIN_MIB) {
      throw new IllegalArgumentException("--heap must be at least " + MIN_MIB + "m, not " + text);
    }
    return mib;
  }
}
