package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.testing.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A byte flipped in the middle of a stopped cluster's objects.log: {@code up} refuses to start and
 * names the object lost, {@code up --repair} starts with every other object, and a deleted object
 * does not come back. The Hazelcast cluster name stays out of skiff.log.
 */
class DamagedStoreE2E {
  private static final String NAME = "e2e-damaged";
  @TempDir Path home;

  private SkiffProcess cli() {
    return new SkiffProcess(home);
  }

  @AfterEach
  void tearDown() throws Exception {
    cli().skiff("down", "--name", NAME);
  }

  @Test
  void upNamesTheLossAndRepairKeepsEveryOtherObject() throws Exception {
    SkiffProcess cli = cli();
    assertOk(cli.skiff("up", "--name", NAME));
    Path dir = home.resolve("clusters").resolve(NAME);
    Path kubeconfig = dir.resolve("kubeconfig");
    for (int i = 0; i < 10; i++) {
      assertOk(cli.kubectl(kubeconfig, "create", "configmap", "cm-" + i, "--from-literal=k=v" + i));
    }
    assertOk(cli.kubectl(kubeconfig, "delete", "configmap", "cm-2"));
    assertOk(cli.skiff("down", "--name", NAME));
    String secret = Files.readString(dir.resolve("data").resolve("cluster-name")).strip();
    assertThat(Files.readString(dir.resolve("skiff.log"))).doesNotContain(secret);

    Path log = dir.resolve("data").resolve("store").resolve("objects.log");
    byte[] bytes = Files.readAllBytes(log);
    int tailKey = lastIndexOf(bytes, "configmaps/default/cm-7".getBytes(StandardCharsets.UTF_8));
    bytes[tailKey - 30] ^= 0x5a; // inside the value, just before the record's tail
    Files.write(log, bytes);

    ProcessResult refused = cli.skiff("up", "--name", NAME);
    assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
    assertThat(refused.stderr()).contains("configmaps/default/cm-7", "--repair");

    ProcessResult repaired = cli.skiff("up", "--name", NAME, "--repair");
    assertOk(repaired);
    assertThat(repaired.stdout()).contains("Store repaired", "configmaps/default/cm-7");
    ProcessResult names = cli.kubectl(kubeconfig, "get", "configmaps", "-o", "name");
    assertOk(names);
    assertThat(names.stdout().lines().filter(n -> n.startsWith("configmap/cm-")))
        .containsExactlyInAnyOrder(
            "configmap/cm-0",
            "configmap/cm-1",
            "configmap/cm-3",
            "configmap/cm-4",
            "configmap/cm-5",
            "configmap/cm-6",
            "configmap/cm-8",
            "configmap/cm-9");
  }

  private static void assertOk(ProcessResult result) {
    assertThat(result.exitCode()).as(result.all()).isZero();
  }

  private static int lastIndexOf(byte[] bytes, byte[] part) {
    for (int at = bytes.length - part.length; at >= 0; at--) {
      if (java.util.Arrays.equals(bytes, at, at + part.length, part, 0, part.length)) {
        return at;
      }
    }
    throw new AssertionError("not in the log");
  }
}
