package dev.skiff.cli.machine;

import dev.skiff.agent.NodeAgentOptions;
import dev.skiff.agent.access.AgentAccess;
import dev.skiff.api.Json;
import dev.skiff.api.files.PrivateFiles;
import dev.skiff.cli.embedded.EmbeddedNodes;
import dev.skiff.cli.embedded.KubeDns;
import dev.skiff.server.auth.KubeconfigFile;
import dev.skiff.server.auth.NodeTokens;
import dev.skiff.server.auth.ServingCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff agent}: one node (agent, service proxy, cluster DNS), in the foreground. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
      "Run a node of a cluster across machines in the foreground: its agent (pods), service proxy"
          + " and cluster DNS server. SIGTERM or Ctrl-C stops it (and its pods).",
      "The first start joins with --server and --token and gets the node its own credential"
          + " (DATA_DIR/kubeconfig, user system:node:NAME); later starts use only that."
    },
    footer = {
      "",
      "Examples:",
      "  skiff agent --server https://10.0.0.1:6443 --token SK10... --address 10.0.0.5",
      "",
      "Ports on --address: 10250/tcp agent (API servers only), 10053/udp+tcp node DNS, NodePorts"
          + " 30000-32767. See docs/multi-machine.md."
    })
public final class AgentCommand implements Callable<Integer> {
  private static final Foreground OUT = new Foreground("agent");

  private static final String SETTINGS = "agent.json";
  private static final String SERVING_CERT = "agent-serving.crt";
  private static final String SERVING_KEY = "agent-serving.key";

  /** What a node keeps besides its kubeconfig and agent-access token. */
  record Settings(String server, String name, String serviceCidr) {}

  @Option(names = "--server", description = "A server of the cluster, https://HOST:PORT.")
  String server;

  @Option(names = "--token", description = "The join token (first start only).")
  String token;

  @Option(
      names = "--data-dir",
      description =
          "Where the node keeps its credential, pods' logs and state (default: ~/.skiff/agent).")
  Path dataDir;

  @Option(names = "--node-name", description = "The Node's name (default: this host's name).")
  String nodeName;

  @Option(
      names = "--address",
      defaultValue = "127.0.0.1",
      description =
          "The node's address (InternalIP): agent, NodePorts, node DNS (default: ${DEFAULT-VALUE}).")
  String address;

  @Option(
      names = "--port",
      defaultValue = "10250",
      description = "The agent's port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--pod-cidr",
      description =
          "The pods' range on this node (process runtime: loopback; default: 127.1.1.0/24).")
  String podCidr;

  @Override
  public Integer call() throws Exception {
    Path dir = dataDir != null ? dataDir : OUT.defaultDir();
    PrivateFiles.createDirectories(dir);
    Path kubeconfig = dir.resolve("kubeconfig");
    Path settingsFile = dir.resolve(SETTINGS);
    OUT.say("data directory " + dir);
    if (!Files.exists(settingsFile)) {
      if (server == null || token == null) {
        OUT.fail("the first start needs --server URL and --token TOKEN");
        return 2;
      }
      String name = nodeName != null ? nodeName : InetAddress.getLocalHost().getHostName();
      OUT.say("joining " + server + " as node " + name);
      String ca;
      JoinMessages.AgentGrant grant;
      try {
        JoinClient client = new JoinClient(server, JoinToken.parse(token));
        ca = client.caCertificate();
        grant =
            client.join(
                ca,
                new JoinMessages.Request(JoinMessages.AGENT, name, address),
                JoinMessages.AgentGrant.class);
      } catch (IOException | IllegalArgumentException e) {
        OUT.fail(e.getMessage());
        return 1;
      }
      KubeconfigFile.write(
          kubeconfig, server, grant.token(), new ServingCertificate(ca, null), "skiff");
      PrivateFiles.writeString(dir.resolve("agent-token"), grant.agentToken());
      PrivateFiles.writeString(dir.resolve(SERVING_CERT), grant.servingCertificate());
      PrivateFiles.writeString(dir.resolve(SERVING_KEY), grant.servingKey());
      PrivateFiles.writeString(
          settingsFile, Json.toString(new Settings(server, name, grant.serviceCidr())));
      OUT.say(
          "joined: this node is "
              + NodeTokens.USER_PREFIX
              + name
              + " (credential in "
              + kubeconfig
              + ")");
    }
    Settings settings = Json.parse(Files.readAllBytes(settingsFile), Settings.class);
    NodeAgentOptions node =
        EmbeddedNodes.node(
            NodeAgentOptions.defaults(1, settings.server()).withName(settings.name()),
            address,
            port,
            podCidr != null ? podCidr : NodeAgentOptions.defaults(1, null).podCidr(),
            settings.serviceCidr(),
            dir.resolve("node"),
            kubeconfig);
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    String deployment;
    try {
      deployment =
          EmbeddedNodes.deploy(
                  vertx,
                  node,
                  new AgentAccess(
                      AgentAccess.readToken(dir.resolve("agent-token")),
                      Files.readString(dir.resolve(SERVING_CERT)),
                      Files.readString(dir.resolve(SERVING_KEY))),
                  null)
              .await(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      OUT.fail(e.getMessage());
      vertx.close();
      return 1;
    }
    OUT.say(
        "node "
            + node.name()
            + " at "
            + ServerCommand.hostPort(address, port)
            + ", pods from "
            + node.podCidr()
            + ", DNS on "
            + ServerCommand.hostPort(address, KubeDns.SERVER_PORT));
    OUT.runUntilStopped(
        "stopping (the node's pods stop too)",
        () -> {
          // undeploying stops the pods while this Vert.x still runs their blocking work
          try {
            vertx.undeploy(deployment).await(60, TimeUnit.SECONDS);
          } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
          }
        });
    return 0;
  }
}
