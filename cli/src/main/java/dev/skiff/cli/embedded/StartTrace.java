package dev.skiff.cli.embedded;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-phase trace of a cluster start that {@code skiff up} prints: for each phase its wall time
 * and what the JVM spent in it, which keeps its shape on a loaded machine where the wall times do
 * not: process CPU time, classes loaded, JIT compilation time and GC time. The first phase, "JVM
 * start", runs from the JVM's own start to {@link #start()} (the launch, the JVM's boot and the
 * classes the main class needs).
 */
final class StartTrace {
  private final List<String> steps = new ArrayList<>();
  private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
  private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
  private final java.lang.management.OperatingSystemMXBean os =
      ManagementFactory.getOperatingSystemMXBean();

  /** A point of the trace: what the JVM had spent when it was taken. */
  final class Mark {
    private final long nanos = System.nanoTime();
    private final long cpuNanos = cpuNanos();
    private final long loaded = classes.getTotalLoadedClassCount();
    private final long jitMillis = jitMillis();
    private final long gcMillis = gcMillis();

    /** Records the phase {@code what} from this mark to now. */
    void step(String what) {
      Mark now = new Mark();
      add(
          what,
          (now.nanos - nanos) / 1_000_000,
          (now.cpuNanos - cpuNanos) / 1_000_000,
          now.loaded - loaded,
          now.jitMillis - jitMillis,
          now.gcMillis - gcMillis);
    }
  }

  /** A mark now. */
  Mark mark() {
    return new Mark();
  }

  /** Records the "JVM start" phase: from the JVM's start to now; call once, first. */
  void jvmStarted() {
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    add(
        "JVM start",
        uptime,
        cpuNanos() / 1_000_000,
        classes.getTotalLoadedClassCount(),
        jitMillis(),
        gcMillis());
  }

  /** The whole start so far, from the JVM's start: call last. */
  void total(String what) {
    add(
        what,
        ManagementFactory.getRuntimeMXBean().getUptime(),
        cpuNanos() / 1_000_000,
        classes.getTotalLoadedClassCount(),
        jitMillis(),
        gcMillis());
  }

  List<String> steps() {
    synchronized (steps) {
      return List.copyOf(steps);
    }
  }

  private void add(String what, long millis, long cpuMillis, long loaded, long jit, long gc) {
    String line =
        what
            + " "
            + millis
            + " ms (cpu "
            + cpuMillis
            + " ms, "
            + loaded
            + " classes, jit "
            + jit
            + " ms, gc "
            + gc
            + " ms)";
    synchronized (steps) {
      steps.add(line);
    }
  }

  private long cpuNanos() {
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private long jitMillis() {
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : 0;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }
}
