package dev.skiff.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Node;
import dev.skiff.testing.Await;
import dev.skiff.testing.Processes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Test clusters started at the same moment, two in this JVM and one in another (as parallel test
 * JVMs start them): each gets address ranges of its own and comes up (two once chose the same
 * range, and one failed with "Address already in use" on 127.64.0.1:10250).
 */
class ConcurrentClustersIT {
  @Test
  void clustersStartedAtOnceInTwoJvmsGetTheirOwnAddressesAndAllComeUp() throws Exception {
    Process other =
        Processes.javaMain(List.of("-Xmx384m"), OtherJvm.class)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<CompletableFuture<SkiffCluster>> here = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      here.add(CompletableFuture.supplyAsync(() -> SkiffCluster.start(1)));
    }
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      String otherNode = out.readLine();
      assertThat(otherNode).as("the other JVM's cluster").startsWith("node-1 127.");
      Set<String> nodeAddresses = new HashSet<>();
      nodeAddresses.add(otherNode.split(" ")[1]);
      for (CompletableFuture<SkiffCluster> f : here) {
        SkiffCluster cluster = f.get(180, TimeUnit.SECONDS);
        Node node =
            Await.result(cluster.client().list(Node.class, null, ListOptions.none())).items.get(0);
        nodeAddresses.add(node.status().addresses.get(0).address);
      }
      assertThat(nodeAddresses).hasSize(3);
    } finally {
      other.getOutputStream().close();
      other.waitFor(60, TimeUnit.SECONDS);
      other.destroyForcibly();
      for (CompletableFuture<SkiffCluster> f : here) {
        f.thenAccept(SkiffCluster::close);
      }
    }
  }

  /** The other JVM: starts a cluster, prints its node, stops it when its input ends. */
  public static final class OtherJvm {
    public static void main(String[] args) throws Exception {
      try (SkiffCluster cluster = SkiffCluster.start(1)) {
        System.out.println(firstNode(cluster));
        System.out.flush();
        System.in.readAllBytes();
      }
      System.exit(0);
    }

    private static String firstNode(SkiffCluster cluster) {
      Node node =
          Await.result(cluster.client().list(Node.class, null, ListOptions.none())).items.get(0);
      return node.meta().name + " " + node.status().addresses.get(0).address;
    }
  }
}
