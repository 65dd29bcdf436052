package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One {@code skiff up} cluster of an end-to-end test class and the real kubectl against it: runs a
 * command, runs one that must succeed (the failure message carries its output), applies manifest
 * text; {@link #down} removes the cluster.
 */
final class ClusterKubectl {
  private final SkiffProcess cli;
  private final String cluster;
  private final Path kubeconfig;
  private final Path scratch;

  private ClusterKubectl(SkiffProcess cli, String cluster, Path home) {
    this.cli = cli;
    this.cluster = cluster;
    this.kubeconfig = home.resolve("clusters").resolve(cluster).resolve("kubeconfig");
    this.scratch = home;
  }

  /**
   * Starts {@code skiff up --name PREFIX-xxxxxxxx --runtime RUNTIME OPTIONS} with {@code home} as
   * the skiff home (manifests are written there too).
   */
  static ClusterKubectl up(Path home, String prefix, String runtime, String... options)
      throws Exception {
    SkiffProcess cli = new SkiffProcess(home);
    String cluster = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> args = new ArrayList<>(List.of("up", "--name", cluster, "--runtime", runtime));
    args.addAll(List.of(options));
    ProcessResult up = cli.skiff(args.toArray(String[]::new));
    assertThat(up.exitCode()).as(up.all()).isZero();
    return new ClusterKubectl(cli, cluster, home);
  }

  void down() throws Exception {
    cli.skiff("down", "--name", cluster, "--purge");
  }

  ProcessResult run(String... args) throws Exception {
    return cli.kubectl(kubeconfig, args);
  }

  /** Runs kubectl, asserts exit code 0, returns stdout. */
  String ok(String... args) throws Exception {
    ProcessResult r = run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.all()).isZero();
    return r.stdout();
  }

  ProcessResult applyResult(String yaml) throws Exception {
    Path file = Files.createTempFile(scratch, "manifest", ".yaml");
    Files.writeString(file, yaml);
    return run("apply", "-f", file.toString());
  }

  void apply(String yaml) throws Exception {
    ProcessResult r = applyResult(yaml);
    assertThat(r.exitCode()).as(r.all()).isZero();
  }
}
