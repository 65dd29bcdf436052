package dev.skiff.agent.stats;

import dev.skiff.agent.runtime.ContainerUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads resource counters from Linux {@code /proc}: a process tree's CPU time (utime + stime, and
 * cutime + cstime of children it has reaped, from {@code /proc/PID/stat}) and resident memory
 * ({@code VmRSS} of {@code /proc/PID/status}); the machine's busy CPU time ({@code /proc/stat}) and
 * memory in use ({@code MemTotal - MemAvailable} of {@code /proc/meminfo}). Blocking: call from a
 * worker. Clock ticks are USER_HZ, 100 on every Linux the agent runs on.
 */
public final class ProcFs {
  private static final long NANOS_PER_TICK = 1_000_000_000L / 100;
  private static final Path PROC = Path.of("/proc");

  private ProcFs() {}

  /** The counters of {@code root} and all its descendants; null when it is gone. */
  public static ContainerUsage processTree(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    root.descendants().forEach(tree::add);
    long ticks = 0;
    long rssKib = 0;
    boolean any = false;
    for (ProcessHandle p : tree) {
      Optional<String> stat = read(PROC.resolve(p.pid() + "/stat"));
      Optional<String> status = read(PROC.resolve(p.pid() + "/status"));
      if (stat.isEmpty() || status.isEmpty()) {
        continue;
      }
      any = true;
      ticks += cpuTicks(stat.get());
      rssKib += kib(status.get(), "VmRSS:");
    }
    return any ? new ContainerUsage(ticks * NANOS_PER_TICK, rssKib * 1024) : null;
  }

  /** The machine's busy CPU time and memory in use. */
  public static ContainerUsage node() {
    String stat = read(PROC.resolve("stat")).orElse("");
    String meminfo = read(PROC.resolve("meminfo")).orElse("");
    long busy = 0;
    for (String line : stat.split("\n")) {
      if (line.startsWith("cpu ")) {
        String[] f = line.trim().split("\\s+");
        // user nice system idle iowait irq softirq steal: all but idle and iowait are busy
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
          busy += i < f.length ? Long.parseLong(f[i]) : 0;
        }
      }
    }
    long used = kib(meminfo, "MemTotal:") - kib(meminfo, "MemAvailable:");
    return new ContainerUsage(busy * NANOS_PER_TICK, used * 1024);
  }

  /** utime + stime + cutime + cstime: fields 14-17 of /proc/PID/stat. */
  static long cpuTicks(String stat) {
    // the command (field 2) is in parentheses and may contain spaces: count from the last ')'
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11])
        + Long.parseLong(f[12])
        + Long.parseLong(f[13])
        + Long.parseLong(f[14]);
  }

  /** The kB value of a "Name: 123 kB" line; 0 when absent. */
  static long kib(String text, String name) {
    for (String line : text.split("\n")) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
      }
    }
    return 0;
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
