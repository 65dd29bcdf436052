package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.testing.ProcessResult;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fabric8's client (WebSocket v4 channel protocol for exec, WebSocket port-forward) against a
 * {@code skiff up} cluster on the process runtime.
 */
class Fabric8StreamingE2E {
  @TempDir static Path home;
  static SkiffProcess cli;
  static Path kubeconfig;
  static String cluster;
  static KubernetesClient k8s;

  @BeforeAll
  static void startCluster() throws Exception {
    cli = new SkiffProcess(home);
    cluster = "f8" + ProcessHandle.current().pid() % 10000;
    ProcessResult up = cli.skiff("up", "--name", cluster);
    assertThat(up.exitCode()).as(up.all()).isZero();
    kubeconfig = home.resolve("clusters").resolve(cluster).resolve("kubeconfig");
    Path root = home.resolve("webroot");
    Files.createDirectories(root);
    Files.writeString(root.resolve("index.html"), "hello\n");
    ProcessResult run =
        cli.kubectl(
            kubeconfig,
            "run",
            "web",
            "--image=busybox",
            "--env=ROOT=" + root,
            "--command",
            "--",
            "sh",
            "-c",
            "cd $ROOT && exec busybox httpd -f -p $POD_IP:8080");
    assertThat(run.exitCode()).as(run.all()).isZero();
    ProcessResult ready =
        cli.kubectl(kubeconfig, "wait", "--for=condition=Ready", "pod/web", "--timeout=60s");
    assertThat(ready.exitCode()).as(ready.all()).isZero();
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    config.setRequestRetryBackoffLimit(0);
    k8s = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (k8s != null) {
      k8s.close();
    }
    if (cli != null) {
      cli.skiff("down", "--name", cluster, "--purge");
    }
  }

  @Test
  void execStreamsOutputAndReportsTheExitCode() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ExecWatch watch =
        k8s.pods()
            .inNamespace("default")
            .withName("web")
            .writingOutput(out)
            .writingError(err)
            .exec("sh", "-c", "echo out; echo err >&2; exit 3")) {
      assertThat(watch.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(3);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err\n");
  }

  @Test
  void execReadsStdin() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExecWatch watch =
        k8s.pods()
            .inNamespace("default")
            .withName("web")
            .redirectingInput()
            .writingOutput(out)
            .exec("head", "-n", "1")) {
      watch.getInput().write("piped\n".getBytes(StandardCharsets.UTF_8));
      watch.getInput().flush();
      assertThat(watch.exitCode().get(30, TimeUnit.SECONDS)).isZero();
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("piped\n");
  }

  @Test
  void portForwardReachesThePod() throws Exception {
    try (LocalPortForward forward =
        k8s.pods().inNamespace("default").withName("web").portForward(8080)) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + forward.getLocalPort() + "/index.html"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).isEqualTo("hello\n");
    }
  }
}
