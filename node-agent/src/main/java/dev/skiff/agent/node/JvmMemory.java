package dev.skiff.agent.node;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * How full the heap of this JVM is, as its last garbage collections left it. A node agent runs in a
 * JVM that is its "node" (in an embedded cluster: the whole cluster's), so this is what its
 * MemoryPressure condition reports, as a kubelet reports the node's available memory: pressure once
 * the collections leave more than {@link #PRESSURE_RATIO} of the maximum heap in use. The embedded
 * cluster serves the same figures on {@code /metrics} and logs each change.
 *
 * @param usedAfterGc heap in use after the last collection of each pool, summed
 * @param max the maximum heap
 */
public record JvmMemory(long usedAfterGc, long max) {
  public static final double PRESSURE_RATIO = 0.85;

  /** The heap now. */
  public static JvmMemory read() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() != MemoryType.HEAP || !pool.isValid()) {
        continue;
      }
      MemoryUsage afterGc = pool.getCollectionUsage();
      used += afterGc != null ? afterGc.getUsed() : pool.getUsage().getUsed();
    }
    return new JvmMemory(used, Runtime.getRuntime().maxMemory());
  }

  public boolean pressure() {
    return max > 0 && usedAfterGc > PRESSURE_RATIO * max;
  }

  /** "412 MiB of 512 MiB". */
  public String describe() {
    return (usedAfterGc >> 20) + " MiB of " + (max >> 20) + " MiB";
  }

  /** Prometheus text: the heap figures and whether they are under pressure. */
  public String metrics() {
    return "# HELP skiff_heap_used_after_gc_bytes Heap in use after the last garbage collections.\n"
        + "# TYPE skiff_heap_used_after_gc_bytes gauge\n"
        + "skiff_heap_used_after_gc_bytes "
        + usedAfterGc
        + "\n# HELP skiff_heap_max_bytes The maximum heap of this JVM.\n"
        + "# TYPE skiff_heap_max_bytes gauge\n"
        + "skiff_heap_max_bytes "
        + max
        + "\n# HELP skiff_memory_pressure 1 when collections leave more than "
        + (int) (PRESSURE_RATIO * 100)
        + "% of the heap in use.\n"
        + "# TYPE skiff_memory_pressure gauge\n"
        + "skiff_memory_pressure "
        + (pressure() ? 1 : 0)
        + "\n";
  }
}
