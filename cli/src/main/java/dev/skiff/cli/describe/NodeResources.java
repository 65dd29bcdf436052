package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.server.table.Age;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** describe node's "Non-terminated Pods" and "Allocated resources": requests and limits. */
final class NodeResources {
  private NodeResources() {}

  static void write(DescribeText w, JsonNode allocatable, List<JsonNode> pods, Instant now) {
    w.raw(0, "Non-terminated Pods:\t(" + pods.size() + " in total)\n");
    w.raw(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
    w.raw(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
    BigDecimal[] totals = new BigDecimal[6];
    java.util.Arrays.fill(totals, BigDecimal.ZERO);
    for (JsonNode pod : pods) {
      JsonNode m = pod.path("metadata");
      BigDecimal[] r = {
        sum(pod, "requests", "cpu"),
        sum(pod, "limits", "cpu"),
        sum(pod, "requests", "memory"),
        sum(pod, "limits", "memory"),
        sum(pod, "requests", "ephemeral-storage"),
        sum(pod, "limits", "ephemeral-storage")
      };
      for (int i = 0; i < r.length; i++) {
        totals[i] = totals[i].add(r[i]);
      }
      w.raw(
          1,
          m.path("namespace").asText()
              + "\t"
              + m.path("name").asText()
              + "\t\t"
              + share(r[0], allocatable, "cpu", false)
              + "\t"
              + share(r[1], allocatable, "cpu", false)
              + "\t"
              + share(r[2], allocatable, "memory", true)
              + "\t"
              + share(r[3], allocatable, "memory", true)
              + "\t"
              + Age.since(m.path("creationTimestamp").asText(null), now)
              + "\n");
    }
    w.heading(0, "Allocated resources");
    w.raw(1, "(Total limits may be over 100 percent, i.e., overcommitted.)\n");
    w.raw(1, "Resource\tRequests\tLimits\n");
    w.raw(1, "--------\t--------\t------\n");
    w.raw(
        1,
        "cpu\t"
            + share(totals[0], allocatable, "cpu", false)
            + "\t"
            + share(totals[1], allocatable, "cpu", false)
            + "\n");
    w.raw(
        1,
        "memory\t"
            + share(totals[2], allocatable, "memory", true)
            + "\t"
            + share(totals[3], allocatable, "memory", true)
            + "\n");
    w.raw(
        1,
        "ephemeral-storage\t"
            + share(totals[4], allocatable, "ephemeral-storage", true)
            + "\t"
            + share(totals[5], allocatable, "ephemeral-storage", true)
            + "\n");
  }

  private static BigDecimal sum(JsonNode pod, String kind, String resource) {
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode c : pod.path("spec").path("containers")) {
      BigDecimal v = Quantities.parse(c.path("resources").path(kind).path(resource).asText(null));
      if (v != null) {
        total = total.add(v);
      }
    }
    return total;
  }

  /** {@code 100m (5%)}: the amount and its share of what the node can allocate. */
  private static String share(
      BigDecimal amount, JsonNode allocatable, String resource, boolean binary) {
    BigDecimal of = Quantities.parse(allocatable.path(resource).asText(null));
    long percent =
        of == null || of.signum() == 0
            ? 0
            : amount.multiply(BigDecimal.valueOf(100)).divide(of, 0, RoundingMode.DOWN).longValue();
    return Quantities.format(amount, binary) + " (" + percent + "%)";
  }
}
