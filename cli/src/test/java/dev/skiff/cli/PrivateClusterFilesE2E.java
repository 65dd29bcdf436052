package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skiff.api.files.PrivateFiles;
import dev.skiff.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cluster leaves on disk is its user's only: the admin token, every object (pod environment
 * values included), the pods' logs and skiff.log.
 */
class PrivateClusterFilesE2E {
  /** A local account of nobody in particular, as an attacker on a shared machine would have. */
  private static final String OTHER_USER = "skiff-e2e-other";

  private final Path home;
  private final SkiffProcess cli;

  PrivateClusterFilesE2E(@TempDir Path home) {
    this.home = home;
    this.cli = new SkiffProcess(home);
  }

  @AfterEach
  void tearDown() throws Exception {
    cli.skiff("down", "--name", "files");
  }

  @AfterAll
  static void removeOtherUser() throws Exception {
    new ProcessBuilder("userdel", OTHER_USER).start().waitFor();
  }

  @Test
  void everyFileAndDirectoryOfTheClusterIsTheUsersOnly() throws Exception {
    Path kubeconfig = up();
    ProcessResult run =
        cli.kubectl(
            kubeconfig,
            "run",
            "printer",
            "--image=busybox",
            "--env=PASSWORD=hunter2",
            "--command",
            "--",
            "sh",
            "-c",
            "echo $PASSWORD; echo kept > written-by-the-pod; sleep 3600");
    assertThat(run.exitCode()).as(run.all()).isZero();
    ProcessResult ready =
        cli.kubectl(kubeconfig, "wait", "--for=condition=Ready", "pod/printer", "--timeout=60s");
    assertThat(ready.exitCode()).as(ready.all()).isZero();
    assertThat(cli.kubectl(kubeconfig, "logs", "printer").stdout()).contains("hunter2");
    assertThat(cli.skiff("kubeconfig", "--name", "files", "--merge").exitCode()).isZero();

    Path dir = home.resolve("clusters").resolve("files");
    List<String> names;
    try (var walk = Files.walk(dir)) {
      names = walk.map(p -> p.getFileName().toString()).toList();
    }
    assertThat(names)
        .contains(
            "token", "objects.log", "0.log", "written-by-the-pod", "skiff.log", "pid", "ready");
    assertThat(PrivateFiles.openToOthers(home.resolve("clusters"))).isEmpty();
    assertThat(PrivateFiles.openToOthers(home.resolve(".kube"))).isEmpty();
  }

  @Test
  void anotherLocalUserCannotReadTheTokenTheObjectsOrTheLog() throws Exception {
    assumeTrue(createOtherUser(), "needs root to create a second local user");
    // the other user can reach the home directory: only the cluster's own modes may stop them
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path probe = Files.writeString(home.resolve("probe"), "readable");
    assertThat(asOtherUser("cat", probe.toString()).stdout()).isEqualTo("readable");
    up();

    Path dir = home.resolve("clusters").resolve("files");
    String token = Files.readString(dir.resolve("data").resolve("token")).strip();
    for (Path secret :
        List.of(
            dir.resolve("data").resolve("token"),
            dir.resolve("kubeconfig"),
            dir.resolve("skiff.log"),
            dir.resolve("data").resolve("store").resolve("objects.log"))) {
      ProcessResult read = asOtherUser("cat", secret.toString());
      assertThat(read.exitCode()).as(secret + ": " + read.all()).isNotZero();
      assertThat(read.stdout()).doesNotContain(token);
    }
  }

  private Path up() throws Exception {
    ProcessResult up = cli.skiff("up", "--name", "files");
    assertThat(up.exitCode()).as(up.all()).isZero();
    return home.resolve("clusters").resolve("files").resolve("kubeconfig");
  }

  private ProcessResult asOtherUser(String... command) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("runuser", "-u", OTHER_USER, "--"));
    cmd.addAll(List.of(command));
    return cli.command(cmd.toArray(String[]::new));
  }

  /** True if {@link #OTHER_USER} exists now (created here when running as root). */
  private boolean createOtherUser() throws Exception {
    if (cli.command("id", "-u", OTHER_USER).exitCode() == 0) {
      return true;
    }
    if (!"0".equals(cli.command("id", "-u").stdout().strip())) {
      return false;
    }
    ProcessResult add =
        cli.command("useradd", "--system", "--no-create-home", "--shell", "/bin/false", OTHER_USER);
    return add.exitCode() == 0;
  }
}
