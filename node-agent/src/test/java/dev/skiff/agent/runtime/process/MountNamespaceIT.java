package dev.skiff.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.runtime.ContainerSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process runtime's mount namespaces with real unshare and nsenter: volumes appear at paths the
 * node does not have (under an existing directory and at the top level) without anything appearing
 * on the node, read-only mounts refuse writes, the node's own files stay shared and writable, and a
 * second process entering the namespace sees the same mounts.
 */
class MountNamespaceIT {
  @TempDir Path dir;

  private static String run(List<String> argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void volumesAppearAtTheirPathsOnlyInsideTheContainer() throws Exception {
    MountNamespace ns = MountNamespace.probe(dir.resolve("probe"));
    assertThat(ns.available()).as(String.valueOf(ns.reason())).isTrue();
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("key"), "value");
    Path data = Files.createDirectories(dir.resolve("data"));
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Path root = Files.createDirectories(dir.resolve("root"));
    String top = "/skiff-test-" + ProcessHandle.current().pid();
    String script =
        "cat /etc/skiff-test-config/key; echo; echo w > "
            + top
            + "/file; cat "
            + top
            + "/file; (echo x > /etc/skiff-test-config/new) 2>&1 | grep -c 'Read-only';"
            + " echo node > "
            + shared
            + "/seen; pwd";

    List<String> argv =
        ns.wrap(
            List.of("/bin/sh", "-c", script),
            List.of(
                new ContainerSpec.Mount(config.toString(), "/etc/skiff-test-config", true),
                new ContainerSpec.Mount(data.toString(), top, false)),
            root,
            shared);

    assertThat(run(argv)).isEqualTo("value\nw\n1\n" + shared + "\n");
    assertThat(Files.readString(data.resolve("file"))).isEqualTo("w\n");
    assertThat(Files.readString(shared.resolve("seen"))).isEqualTo("node\n");
    assertThat(Path.of("/etc/skiff-test-config")).doesNotExist();
    assertThat(Path.of(top)).doesNotExist();
  }

  @Test
  void aSecondProcessEntersTheSameMounts() throws Exception {
    MountNamespace ns = MountNamespace.probe(dir.resolve("probe"));
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("key"), "entered");
    Path root = Files.createDirectories(dir.resolve("root"));
    Process main =
        new ProcessBuilder(
                ns.wrap(
                    List.of("/bin/sleep", "30"),
                    List.of(new ContainerSpec.Mount(config.toString(), "/etc/skiff-enter", true)),
                    root,
                    Path.of("/")))
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          run(
                              ns.enter(
                                  main.pid(), Path.of("/etc/skiff-enter"), List.of("cat", "key"))))
                      .isEqualTo("entered"));
    } finally {
      main.destroyForcibly().waitFor();
    }
  }

  @Test
  void onlyTheTopmostMountsBelowADirectoryAreBoundAgain() {
    assertThat(
            MountNamespace.topMountsUnder(
                "/run", List.of("/", "/run", "/run/a", "/run/a/b", "/run/c", "/runner")))
        .containsExactly("/run/a", "/run/c");
    assertThat(MountNamespace.topMountsUnder("/", List.of("/", "/proc", "/proc/sys", "/dev")))
        .containsExactly("/dev", "/proc");
  }
}
