package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.access.AgentAccess;
import dev.skiff.server.auth.ServingCertificate;
import dev.skiff.testing.ProcessResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl exec against a {@code skiff up} cluster (process runtime), as a user runs it: the API
 * server relays to the node agent, which runs the command next to the container. Also: the node
 * agent's port answers only the API server, and the API server talks only to agents whose
 * certificate the cluster's agent CA signed.
 */
class KubectlExecE2E extends KubectlExecContract {
  private static final String SPDY = "KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false ";

  @TempDir static Path home;
  static SleeperCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = SleeperCluster.up(home, "exec" + ProcessHandle.current().pid() % 10000, "busybox");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.down();
    }
  }

  @Override
  SleeperCluster cluster() {
    return cluster;
  }

  @Test
  void errorsAreKubernetesOwn() throws Exception {
    ProcessResult noContainer = kubectl("exec", "sleeper", "-c", "nope", "--", "true");
    ProcessResult noPod = kubectl("exec", "nopod", "--", "true");
    ProcessResult noCommand = kubectl("exec", "sleeper", "--", "no-such-command");
    assertThat(noContainer.exitCode()).isNotZero();
    assertThat(noContainer.stderr()).contains("container nope is not valid for pod sleeper");
    assertThat(noPod.exitCode()).isNotZero();
    assertThat(noPod.stderr()).contains("pods \"nopod\" not found");
    assertThat(noCommand.exitCode()).isNotZero();
    assertThat(noCommand.stderr()).contains("executable file not found");
  }

  /**
   * client-go's SPDY executor (kubectl before 1.30, or 1.32 with WebSockets off; programs on
   * client-go's SPDY executor): v4.channel.k8s.io streams on a SPDY/3.1 POST upgrade, relayed by
   * the API server to the agent. stdout and stderr apart, the exit code from the error stream's
   * Status.
   */
  @Test
  void execOverSpdyCarriesOutputAndTheExitCode() throws Exception {
    ProcessResult r =
        shell(
            SPDY
                + "kubectl exec sleeper -- sh -c 'echo out; echo err >&2; echo $HOSTNAME; exit 3'");
    assertThat(r.exitCode()).as(r.all()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("out\nsleeper\n");
    assertThat(r.stderr()).startsWith("err\n").contains("command terminated with exit code 3");
    ProcessResult ok = shell(SPDY + "kubectl exec sleeper -- true");
    assertThat(ok.exitCode()).as(ok.all()).isZero();
    assertThat(ok.all()).isEmpty();
  }

  @Test
  void execOverSpdyPipesStdinAndItsEnd() throws Exception {
    ProcessResult r =
        shell("printf 'hi\\nthere\\n' | " + SPDY + "kubectl exec -i sleeper -- wc -l");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.stdout().trim()).isEqualTo("2");
  }

  /** With a TTY, the terminal's size comes on the resize stream. */
  @Test
  void execOverSpdyGivesATerminalOfTheClientsSize() throws Exception {
    assertTerminalOfTheClientsSize(SPDY, 93, 29, 5);
  }

  /** kubectl run -i attaches (pods/attach) over SPDY: stdin reaches the main process. */
  @Test
  void attachOverSpdyJoinsTheContainersStdinAndOutput() throws Exception {
    ProcessResult r =
        shell(
            "echo hello | "
                + SPDY
                + "kubectl run spdy-reader -i --rm --restart=Never --image=busybox"
                + " --pod-running-timeout=60s -- sh -c 'read line; echo got $line'");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.stdout()).as(r.all()).contains("got hello");
  }

  @Test
  void execOverSpdyReportsACommandThatCannotRun() throws Exception {
    ProcessResult r = shell(SPDY + "kubectl exec sleeper -- no-such-command");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).contains("executable file not found");
  }

  @Test
  void theNodeAgentRefusesAnyoneButTheApiServer() throws Exception {
    String node =
        kubectl("get", "node", "-o", "jsonpath={.items[0].status.addresses[0].address}").stdout();
    String agent = "https://" + node + ":10250";
    String admin = Files.readString(cluster.file("data/token")).strip();
    for (String path :
        new String[] {
          "/exec/default/sleeper/sleeper?command=id&stdout=true",
          "/containerLogs/default/sleeper/sleeper",
          "/portForward/default/sleeper"
        }) {
      assertThat(curlStatus(agent + path)).as(path).isEqualTo("401");
      assertThat(curlStatus(agent + path, "-H", "Authorization: Bearer wrong")).isEqualTo("401");
      assertThat(curlStatus(agent + path, "-H", "Authorization: Bearer " + admin)).isEqualTo("401");
    }
    // plain HTTP is not served on the agent's port; health stays on the read-only port
    assertThat(curlStatus("http://" + node + ":10250/healthz")).isNotEqualTo("200");
    assertThat(curlStatus("http://" + node + ":10255/healthz")).isEqualTo("200");
    assertThat(curlStatus("http://" + node + ":10255/exec/default/sleeper/sleeper"))
        .isEqualTo("404");
    // mutual TLS: the API server's client certificate is served; the same name from another CA
    // fails the handshake (curl's 000), so no request is made at all
    String logs = agent + "/containerLogs/default/sleeper/sleeper";
    Path cert = cluster.file("data/apiserver-kubelet-client.crt");
    Path key = cluster.file("data/apiserver-kubelet-client.key");
    assertThat(curlStatus(logs, "--cert", cert.toString(), "--key", key.toString()))
        .isEqualTo("200");
    ServingCertificate other =
        ServingCertificate.authority("another-ca").issueClient(AgentAccess.API_SERVER_CLIENT);
    Path otherCert = home.resolve("other-client.crt");
    Path otherKey = home.resolve("other-client.key");
    Files.writeString(otherCert, other.certificatePem());
    Files.writeString(otherKey, other.privateKeyPem());
    assertThat(curlStatus(logs, "--cert", otherCert.toString(), "--key", otherKey.toString()))
        .isEqualTo("000");
    for (String secret :
        new String[] {"data/apiserver-kubelet-client.key", "data/agent-ca.key", "data/token"}) {
      Path file = cluster.file(secret);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(secret)
          .isEqualTo("rw-------");
    }
  }

  /**
   * A server on a Node's agent endpoint whose certificate the cluster's agent CA did not sign gets
   * no request: the API server refuses it during the handshake.
   */
  @Test
  void theApiServerTalksOnlyToAgentsItsCaSigned() throws Exception {
    Vertx vertx = Vertx.vertx();
    List<String> requests = new CopyOnWriteArrayList<>();
    try {
      ServingCertificate impostor = ServingCertificate.generate("impostor", List.of("127.0.0.1"));
      HttpServer server =
          vertx
              .createHttpServer(
                  new HttpServerOptions()
                      .setSsl(true)
                      .setKeyCertOptions(
                          new PemKeyCertOptions()
                              .setCertValue(Buffer.buffer(impostor.certificatePem()))
                              .setKeyValue(Buffer.buffer(impostor.privateKeyPem()))))
              .requestHandler(
                  r -> {
                    requests.add(r.method() + " " + r.uri() + " " + r.getHeader("Authorization"));
                    r.response().setStatusCode(500).end();
                  })
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      Path manifest = home.resolve("impostor.yaml");
      Files.writeString(
          manifest,
          """
          apiVersion: v1
          kind: Node
          metadata: {name: impostor}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: on-impostor}
          spec:
            nodeName: impostor
            containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
          """);
      ProcessResult created = kubectl("apply", "-f", manifest.toString());
      assertThat(created.exitCode()).as(created.all()).isZero();
      String status =
          "{\"status\":{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"127.0.0.1\"}],"
              + "\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":"
              + server.actualPort()
              + "}}}}";
      ProcessResult patched =
          kubectl(
              "patch", "node", "impostor", "--subresource=status", "--type=merge", "-p", status);
      assertThat(patched.exitCode()).as(patched.all()).isZero();

      ProcessResult exec = kubectl("exec", "on-impostor", "--", "true");
      assertThat(exec.exitCode()).as(exec.all()).isNotZero();
      assertThat(exec.stderr()).contains("error dialing backend");
      assertThat(requests).isEmpty();
    } finally {
      kubectl("delete", "pod", "on-impostor", "--grace-period=0", "--force", "--ignore-not-found");
      kubectl("delete", "node", "impostor", "--ignore-not-found");
      vertx.close();
    }
  }

  private static String curlStatus(String url, String... extra) throws Exception {
    java.util.List<String> cmd =
        new java.util.ArrayList<>(
            java.util.List.of("curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "-m", "5"));
    cmd.addAll(java.util.List.of(extra));
    cmd.add(url);
    return cluster.cli().command(cmd.toArray(String[]::new)).stdout();
  }
}
