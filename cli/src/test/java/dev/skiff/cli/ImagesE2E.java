package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.testing.FreePorts;
import dev.skiff.testing.ProcessResult;
import dev.skiff.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images as a user brings them to a Docker-runtime cluster: {@code skiff up --registry} runs a real
 * registry on localhost, {@code docker push} puts an image there, a Deployment runs it (pulled with
 * policy Always, its digest in the status), and so does Jib's {@code jib:build} (a real Maven run
 * of test resource {@code jib-app}) for a Deployment that runs its image; {@code skiff image load}
 * checks local images, {@code skiff image ls} lists them, {@code skiff down} stops the registry.
 * Needs root, a Docker engine and Debian's docker-registry (CI installs them), and Maven Central
 * for the Jib plugin unless it is in ~/.m2.
 */
class ImagesE2E {
  static final String NAME = "imgs";

  @TempDir Path home;

  @BeforeAll
  static void localImages() throws Exception {
    DockerClusterE2E.localImages();
  }

  @AfterEach
  void tearDown() throws Exception {
    new SkiffProcess(home).skiff("down", "--name", NAME, "--purge");
  }

  @Test
  void pushedImagesRunFromTheClustersRegistryAndLocalImagesLoad() throws Exception {
    SkiffProcess cli = new SkiffProcess(home);
    String registry = upWithRegistry(cli);

    String image = registry + "/web:1";
    ok(cli.command("docker", "tag", "skiff/busybox:1", image));
    ok(cli.command("docker", "push", image));
    ok(cli.command("docker", "rmi", image));
    Path kubeconfig = home.resolve("clusters").resolve(NAME).resolve("kubeconfig");
    assertThat(runPulled(cli, kubeconfig, "web", image, "command: [\"sleep\", \"3600\"]"))
        .startsWith("docker-pullable://" + registry + "/web@sha256:");

    assertThat(ok(cli.skiff("registry", "status", "--name", NAME)))
        .contains("running at " + registry);
    assertThat(ok(cli.skiff("image", "load", "--name", NAME, "skiff/busybox:1")))
        .startsWith("Image: \"skiff/busybox:1\" with ID \"sha256:")
        .contains("found to be already present on node(s) node-1");
    ProcessResult absent = cli.skiff("image", "load", "--name", NAME, "skiff/absent:1");
    assertThat(absent.exitCode()).isEqualTo(1);
    assertThat(absent.stderr()).contains("ERROR: image: \"skiff/absent:1\" not present locally");
    assertThat(ok(cli.skiff("image", "ls", "--name", NAME)))
        .startsWith("IMAGE")
        .containsPattern("(?m)^skiff/busybox +1 +[0-9a-f]{13} +[0-9.]+[kM]B$")
        .containsPattern("(?m)^" + registry + "/web +1 ");

    assertThat(ok(cli.skiff("down", "--name", NAME)))
        .contains("registry of cluster \"" + NAME + "\" stopped");
    assertThat(cli.skiff("registry", "status", "--name", NAME).exitCode()).isEqualTo(3);
    ok(cli.command("docker", "rmi", image));
  }

  @Test
  void theProcessRuntimeHasNoImagesToLoad() throws Exception {
    SkiffProcess cli = new SkiffProcess(home);
    Files.createDirectories(home.resolve("clusters").resolve(NAME));
    Files.writeString(home.resolve("clusters").resolve(NAME).resolve("runtime"), "process\n");

    ProcessResult load = cli.skiff("image", "load", "--name", NAME, "skiff/busybox:1");

    assertThat(load.exitCode()).isEqualTo(1);
    assertThat(load.stderr()).contains("uses the process runtime, which runs commands, not images");
  }

  @Test
  void jibBuildPushesToTheClustersRegistryAndADeploymentRunsTheImage() throws Exception {
    SkiffProcess cli = new SkiffProcess(home);
    String registry = upWithRegistry(cli);
    String image = registry + "/jibapp:1";
    Path project = copyOf(Path.of("src", "test", "resources", "jib-app"), home.resolve("jib-app"));

    // The user's build, as a real Maven run of the repository's wrapper with the real ~/.m2 (the
    // first run downloads the plugin). A loopback registry speaks plain HTTP, which Jib refuses
    // unless allowed.
    ProcessBuilder jib =
        new ProcessBuilder(
                Path.of("..", "mvnw").toAbsolutePath().normalize().toString(),
                "-B",
                "-q",
                "compile",
                "jib:build",
                "-Dimage=" + image,
                "-Djib.allowInsecureRegistries=true",
                "-Djib.baseImageCache=" + home.resolve("jib-cache"))
            .directory(project.toFile());
    ok(Processes.run(jib, null, Duration.ofMinutes(5)));
    String digest = Files.readString(project.resolve("target").resolve("jib-image.digest")).strip();
    assertThat(digest).startsWith("sha256:");

    Path kubeconfig = home.resolve("clusters").resolve(NAME).resolve("kubeconfig");
    assertThat(runPulled(cli, kubeconfig, "jibapp", image, "# the entrypoint is Jib's"))
        .isEqualTo("docker-pullable://" + registry + "/jibapp@" + digest);
    // The entrypoint Jib wrote prints the resource Jib layered in, then serves it.
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(ok(cli.kubectl(kubeconfig, "logs", "deployment/jibapp")))
                    .isEqualTo("hello from a Jib image\n"));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        ok(
                            cli.kubectl(
                                kubeconfig,
                                "exec",
                                "deployment/jibapp",
                                "--",
                                "wget",
                                "-qO-",
                                "http://127.0.0.1:8080/index.html")))
                    .isEqualTo("hello from a Jib image\n"));

    ok(cli.skiff("down", "--name", NAME));
    ok(cli.command("docker", "rmi", image));
  }

  /**
   * A Deployment {@code name} of {@code image} with {@code imagePullPolicy: Always} (and {@code
   * containerLine} in its container), rolled out; checks the Pulling and Pulled events and returns
   * its pod's {@code imageID}.
   */
  private String runPulled(
      SkiffProcess cli, Path kubeconfig, String name, String image, String containerLine)
      throws Exception {
    Path app =
        Files.writeString(
            home.resolve(name + ".yaml"),
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: NAME
            spec:
              replicas: 1
              selector:
                matchLabels: {app: NAME}
              template:
                metadata:
                  labels: {app: NAME}
                spec:
                  containers:
                  - name: NAME
                    image: IMAGE
                    imagePullPolicy: Always
                    LINE
            """
                .replace("NAME", name)
                .replace("IMAGE", image)
                .replace("LINE", containerLine));
    ok(cli.kubectl(kubeconfig, "apply", "-f", app.toString()));
    ok(cli.kubectl(kubeconfig, "rollout", "status", "deployment/" + name, "--timeout=60s"));
    assertThat(ok(cli.kubectl(kubeconfig, "describe", "pods", "-l", "app=" + name)))
        .contains("Pulling image \"" + image + "\"")
        .contains("Successfully pulled image \"" + image + "\" in ");
    return ok(
        cli.kubectl(
            kubeconfig,
            "get",
            "pods",
            "-l",
            "app=" + name,
            "-o",
            "jsonpath={.items[0].status.containerStatuses[0].imageID}"));
  }

  /** {@code skiff up --runtime docker --registry} on a free port; the registry's address. */
  private String upWithRegistry(SkiffProcess cli) throws Exception {
    int port = FreePorts.loopback();
    String registry = "localhost:" + port;
    ProcessResult up =
        cli.skiff(
            "up",
            "--name",
            NAME,
            "--runtime",
            "docker",
            "--registry",
            "--registry-port",
            String.valueOf(port));
    assertThat(up.exitCode()).as(up.all()).isZero();
    assertThat(up.stdout()).contains("registry:    " + registry);
    return registry;
  }

  private static Path copyOf(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, to.resolve(from.relativize(f).toString()));
      }
    }
    return to;
  }

  private static String ok(ProcessResult r) {
    assertThat(r.exitCode()).as(r.all()).isZero();
    return r.stdout();
  }
}
