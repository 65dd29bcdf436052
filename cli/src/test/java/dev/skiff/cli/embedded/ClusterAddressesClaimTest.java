package dev.skiff.cli.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.testing.Processes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clusters choosing their address slot at the same moment, in one JVM and in two: each gets a slot
 * of its own (two testkit clusters started at once by parallel test JVMs once both took slot 0, and
 * one failed with "Address already in use" on 127.64.0.1:10250).
 */
class ClusterAddressesClaimTest {
  @TempDir Path tmp;

  @Test
  void clustersChoosingAtTheSameMomentGetDistinctSlots() throws Exception {
    int clusters = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clusters);
    List<Future<ClusterAddresses.SlotClaim>> claims = new ArrayList<>();
    try {
      for (int i = 0; i < clusters; i++) {
        // each under its own parent, as testkit clusters are: no recorded slot to see
        Path dir = Files.createDirectories(tmp.resolve("parent-" + i).resolve("test"));
        claims.add(
            pool.submit(
                () -> {
                  go.await();
                  return ClusterAddresses.forCluster(dir, false);
                }));
      }
      go.countDown();
      Set<Integer> slots = new HashSet<>();
      for (Future<ClusterAddresses.SlotClaim> claim : claims) {
        slots.add(claim.get(30, TimeUnit.SECONDS).addresses().slot());
      }
      assertThat(slots).hasSize(clusters);
    } finally {
      for (Future<ClusterAddresses.SlotClaim> claim : claims) {
        try {
          claim.get(30, TimeUnit.SECONDS).close();
        } catch (java.util.concurrent.ExecutionException e) {
          // nothing claimed
        }
      }
      pool.shutdownNow();
    }
  }

  @Test
  void aSlotHeldByAnotherProcessIsNeitherChosenNorReused() throws Exception {
    Path childDir = Files.createDirectories(tmp.resolve("child").resolve("test"));
    Process child =
        Processes.javaMain(List.of(), HoldSlot.class, childDir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      int childSlot = Integer.parseInt(out.readLine().strip());

      Path mine = Files.createDirectories(tmp.resolve("mine").resolve("test"));
      try (ClusterAddresses.SlotClaim claim = ClusterAddresses.forCluster(mine, false)) {
        assertThat(claim.addresses().slot()).isNotEqualTo(childSlot);
      }
      // a second start of the child's cluster (its slot recorded) while the child still runs
      assertThatThrownBy(() -> ClusterAddresses.forCluster(childDir, false))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use by another cluster on this machine");

      child.getOutputStream().close(); // the child gives its slot back as it exits
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      try (ClusterAddresses.SlotClaim again = ClusterAddresses.forCluster(childDir, false)) {
        assertThat(again.addresses().slot()).isEqualTo(childSlot);
      }
    } finally {
      child.destroyForcibly();
    }
  }

  /** The other process: claims a slot for the directory, prints it, holds it until stdin ends. */
  public static final class HoldSlot {
    public static void main(String[] args) throws Exception {
      try (ClusterAddresses.SlotClaim claim =
          ClusterAddresses.forCluster(Path.of(args[0]), false)) {
        System.out.println(claim.addresses().slot());
        System.out.flush();
        System.in.readAllBytes();
      }
    }
  }
}
