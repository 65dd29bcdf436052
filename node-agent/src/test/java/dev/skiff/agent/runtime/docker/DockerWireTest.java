package dev.skiff.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerSpec;
import dev.skiff.agent.runtime.DnsSettings;
import dev.skiff.agent.runtime.SandboxSpec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Docker wire formats: stream frames, timestamped lines, create bodies, inspect answers. */
class DockerWireTest {
  @Test
  void framesAreDemultiplexedHoweverTheBytesArrive() {
    Buffer stream = Buffer.buffer();
    List<String> expected = new ArrayList<>();
    Random random = new Random(3L);
    for (int i = 0; i < 50; i++) {
      String payload = "payload-" + i + "-" + "x".repeat(random.nextInt(30));
      int type = random.nextBoolean() ? 1 : 2;
      stream
          .appendByte((byte) type)
          .appendBytes(new byte[3])
          .appendInt(payload.length())
          .appendString(payload);
      expected.add((type == 2 ? "stderr:" : "stdout:") + payload);
    }
    for (int trial = 0; trial < 20; trial++) {
      List<String> got = new ArrayList<>();
      DockerFrames frames = new DockerFrames((s, p) -> got.add(s + ":" + p));
      int offset = 0;
      while (offset < stream.length()) {
        int n = Math.min(stream.length() - offset, 1 + random.nextInt(40));
        frames.feed(stream.getBuffer(offset, offset + n));
        offset += n;
      }
      assertThat(got).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void timestampedLinesSplitIntoEntries() {
    byte[] payload =
        "2026-01-01T00:00:00.123456789Z hello world\n2026-01-01T00:00:01Z part"
            .getBytes(StandardCharsets.UTF_8);

    List<TimestampedLines.Line> lines = TimestampedLines.parse(payload);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).time()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456789Z"));
    assertThat(new String(lines.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("hello world");
    assertThat(lines.get(0).partial()).isFalse();
    assertThat(new String(lines.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("part");
    assertThat(lines.get(1).partial()).isTrue();
  }

  @Test
  void theSandboxCarriesNetworkHostnameAndClusterDns() {
    DnsSettings dns =
        new DnsSettings(
            List.of("10.96.0.10"), List.of("default.svc.cluster.local"), List.of("ndots:5"));
    JsonObject body =
        DockerSpecs.sandbox(
            "node-1",
            new SandboxSpec("uid", "default", "web", "web", null, dns),
            "skiff-node-1",
            "skiff/pause:1");

    assertThat(body.getString("Image")).isEqualTo("skiff/pause:1");
    assertThat(body.getString("Hostname")).isEqualTo("web");
    assertThat(body.getJsonObject("HostConfig").getString("NetworkMode")).isEqualTo("skiff-node-1");
    assertThat(body.getJsonObject("HostConfig").getJsonArray("Dns").getList())
        .containsExactly("10.96.0.10");
    assertThat(body.getJsonObject("HostConfig").getJsonArray("DnsOptions").getList())
        .containsExactly("ndots:5");
    assertThat(body.getJsonObject("Labels").getString(Labels.SANDBOX)).isEqualTo("true");
    assertThat(PodResolvConf.render(dns))
        .isEqualTo("nameserver 10.96.0.10\nsearch default.svc.cluster.local\noptions ndots:5\n");
  }

  @Test
  void commandIsTheEntrypointAndArgsTheCmd() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("A", "1");
    JsonObject withCommand =
        DockerSpecs.container(
            "n", spec(List.of("sh", "-c"), List.of("echo hi"), env), "sandbox-id");
    JsonObject commandOnly =
        DockerSpecs.container("n", spec(List.of("sleep"), null, env), "sandbox-id");
    JsonObject argsOnly = DockerSpecs.container("n", spec(null, List.of("x"), env), "sandbox-id");

    assertThat(withCommand.getJsonArray("Entrypoint").getList()).containsExactly("sh", "-c");
    assertThat(withCommand.getJsonArray("Cmd").getList()).containsExactly("echo hi");
    assertThat(commandOnly.getJsonArray("Cmd").getList()).isEmpty();
    assertThat(argsOnly.containsKey("Entrypoint")).isFalse();
    assertThat(argsOnly.getJsonArray("Cmd").getList()).containsExactly("x");
    assertThat(withCommand.getJsonArray("Env").getList()).containsExactly("A=1");
    assertThat(withCommand.getJsonObject("HostConfig").getString("NetworkMode"))
        .isEqualTo("container:sandbox-id");
    assertThat(withCommand.getJsonObject("Labels").getString(Labels.ATTEMPT)).isEqualTo("3");
  }

  @Test
  void inspectAnswersBecomeContainerInfo() {
    JsonObject inspect =
        new JsonObject(
            """
            {"Id":"abc","Image":"sha256:1","Config":{"Image":"skiff/busybox:1","Labels":{
              "dev.skiff.pod.uid":"uid","dev.skiff.container.name":"main","dev.skiff.container.attempt":"2"}},
             "State":{"Status":"exited","ExitCode":137,"OOMKilled":false,
              "StartedAt":"2026-01-01T00:00:00.5Z","FinishedAt":"2026-01-01T00:00:09Z","Error":""},
             "NetworkSettings":{"Networks":{"skiff-node-1":{"IPAddress":"10.244.1.7"}}}}
            """);

    ContainerInfo info = DockerState.info(inspect);

    assertThat(info.state()).isEqualTo(ContainerInfo.State.EXITED);
    assertThat(info.exitCode()).isEqualTo(137);
    assertThat(info.reason()).isEqualTo("Error");
    assertThat(info.attempt()).isEqualTo(2);
    assertThat(info.finishedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:09Z"));
    assertThat(DockerState.ip(inspect, "skiff-node-1")).isEqualTo("10.244.1.7");
    assertThat(DockerNetwork.body("net", "10.244.1.0/24", "n").getBoolean("Internal")).isTrue();
  }

  @Test
  void aClusterLabelJoinsTheNodeLabelInWhatTheNodeOwnsAndSelects() {
    assertThat(Labels.filter(Labels.owner("node-1", "dev-1a2b3c")).getList())
        .containsExactly("dev.skiff.node=node-1", "dev.skiff.cluster=dev-1a2b3c");
    assertThat(Labels.filter(Labels.owner("node-1", null)).getList())
        .containsExactly("dev.skiff.node=node-1");
    JsonObject network =
        DockerNetwork.body("net", "10.128.1.0/24", Labels.owner("node-1", "dev-1a2b3c"));
    assertThat(network.getJsonObject("Labels").getString(Labels.CLUSTER)).isEqualTo("dev-1a2b3c");
  }

  private static ContainerSpec spec(
      List<String> command, List<String> args, Map<String, String> env) {
    return new ContainerSpec(
        "uid",
        "default",
        "web",
        "main",
        3,
        "skiff/busybox:1",
        command,
        args,
        env,
        null,
        false,
        false,
        List.of());
  }
}
