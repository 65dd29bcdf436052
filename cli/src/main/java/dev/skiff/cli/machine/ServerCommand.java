package dev.skiff.cli.machine;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import dev.skiff.api.client.KubeClient;
import dev.skiff.cli.embedded.AgentCredentials;
import dev.skiff.cli.embedded.KubeDns;
import dev.skiff.cli.embedded.ServerReplica;
import dev.skiff.server.ApiServerOptions;
import dev.skiff.server.ApiServerVerticle;
import dev.skiff.server.alloc.AllocationOptions;
import dev.skiff.server.alloc.Ipv4Range;
import dev.skiff.server.auth.ClusterCa;
import dev.skiff.server.auth.KubeconfigFile;
import dev.skiff.server.auth.ServingCertificate;
import dev.skiff.server.cluster.ClusterSettings;
import dev.skiff.server.cluster.HazelcastConfigs;
import dev.skiff.server.cluster.ReplicaQuorum;
import dev.skiff.server.controller.ControllerOptions;
import dev.skiff.server.store.persist.ReplicaDisk;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff server}: one API server replica with its controllers, in the foreground. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Run an API server replica (and its controllers) of a cluster across machines, in the"
          + " foreground; SIGTERM or Ctrl-C stops it.",
      "The first server makes the cluster: its CA, the store, and a join token (printed, and in"
          + " DATA_DIR/join-token). Add replicas with --join and nodes with skiff agent."
    },
    footer = {
      "",
      "Examples:",
      "  skiff server --address 10.0.0.1 --data-dir /var/lib/skiff/server",
      "  skiff server --address 10.0.0.2 --join https://10.0.0.1:6443 --token SK10...",
      "",
      "Ports: 6443/tcp API (clients, nodes, other replicas), 5701/tcp store members (replicas"
          + " only). See docs/multi-machine.md."
    })
public final class ServerCommand implements Callable<Integer> {
  private static final Foreground OUT = new Foreground("server");

  /**
   * How long the first replica of a cluster restarting from disk waits for all the replicas it had
   * before it restores from the newest disk of a majority.
   */
  static final Duration RESTORE_WAIT = Duration.ofSeconds(60);

  private static final int START_ATTEMPTS = 5;

  @Option(
      names = "--data-dir",
      description =
          "Where this replica keeps its CA, tokens and settings (default: ~/.skiff/server).")
  Path dataDir;

  @Option(
      names = "--address",
      defaultValue = "127.0.0.1",
      description =
          "The address clients, nodes and replicas reach this server at (default: ${DEFAULT-VALUE}).")
  String address;

  @Option(names = "--bind-address", description = "Where the API listens (default: --address).")
  String bindAddress;

  @Option(
      names = "--port",
      defaultValue = "6443",
      description = "The API's port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--member-port",
      defaultValue = "5701",
      description =
          "The store member's port, for the other replicas only (default: ${DEFAULT-VALUE}).")
  int memberPort;

  @Option(
      names = "--member-bind-address",
      description = "Where the store member listens (default: --bind-address).")
  String memberBind;

  @Option(
      names = "--member-advertise-address",
      description = "The address other replicas reach the store member at (default: --address).")
  String memberAdvertise;

  @Option(
      names = "--members",
      split = ",",
      description = "Store members to join, HOST:PORT ([V6]:PORT), besides those the join gives.")
  List<String> members = new ArrayList<>();

  @Option(
      names = "--service-cidr",
      defaultValue = AllocationOptions.DEFAULT_SERVICE_CIDR,
      description = "The Service range (first server only; default: ${DEFAULT-VALUE}).")
  String serviceCidr;

  @Option(
      names = "--join",
      description = "Join the control plane of this server, https://HOST:PORT.")
  String join;

  @Option(names = "--token", description = "The join token (with --join).")
  String token;

  @Override
  public Integer call() throws Exception {
    Path dir = dataDir != null ? dataDir : OUT.defaultDir();
    ServerState state = new ServerState(dir);
    String bind = bindAddress != null ? bindAddress : address;
    OUT.say("data directory " + dir);
    if (!state.initialized()) {
      if (join != null) {
        if (token == null) {
          OUT.fail("--join needs --token");
          return 2;
        }
        OUT.say("joining the control plane at " + join);
        JoinMessages.ServerGrant grant;
        try {
          JoinClient client = new JoinClient(join, JoinToken.parse(token));
          grant =
              client.join(
                  client.caCertificate(),
                  new JoinMessages.Request(JoinMessages.SERVER, null, null),
                  JoinMessages.ServerGrant.class);
        } catch (java.io.IOException | IllegalArgumentException e) {
          OUT.fail(e.getMessage());
          return 1;
        }
        state.save(grant);
      } else {
        state.create(serviceCidr);
        OUT.say("created a cluster: CA, store name and tokens in " + dir);
      }
    }
    ClusterCa ca = state.ca();
    ServerState.Settings settings = state.settings();
    OUT.say("cluster CA " + ca.fingerprint() + " (" + dir.resolve(ClusterCa.CERT_FILE) + ")");
    String advertise = memberAdvertise != null ? memberAdvertise : address;
    String self = hostPort(advertise, memberPort);
    Set<String> known = new LinkedHashSet<>(settings.members());
    known.addAll(members);
    known.add(self);
    ClusterSettings cluster =
        ClusterSettings.defaults()
            .withClusterName(state.clusterName())
            .withHost(memberBind != null ? memberBind : bind)
            .withPort(memberPort)
            .withMembers(List.copyOf(known))
            .withPublicAddress(advertise);
    ReplicaQuorum quorum = ReplicaQuorum.keptIn(dir.resolve(ReplicaQuorum.FILE));
    Config hazelcast = HazelcastConfigs.majorityWrites(HazelcastConfigs.replica(cluster), quorum);
    hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
    OUT.say("store member " + self + ", joining " + String.join(", ", known));
    String adminToken = state.adminToken();
    ServingCertificate agentClient = state.agentClient();
    String kubernetesIp = Ipv4Range.parse(settings.serviceCidr()).valueAt(0);
    ServingCertificate serving =
        ca.serving(
            "skiff-api-server " + address,
            ApiServerOptions.servingHosts(address, List.of(bind, kubernetesIp)));
    ReplicaDisk disk;
    try {
      disk = ReplicaDisk.open(dir);
    } catch (java.io.IOException | RuntimeException e) {
      OUT.fail("cannot open the store in " + dir.resolve("store") + ": " + e.getMessage());
      return 1;
    }
    OUT.say(
        "store on disk: "
            + dir.resolve("store")
            + " (log sequence "
            + disk.sequence()
            + "); the cluster has had "
            + quorum.replicas()
            + " replica(s), writes need "
            + quorum.majority());
    ServerReplica started = null;
    for (int attempt = 1; started == null; attempt++) {
      try {
        started =
            ServerReplica.startWithDisk(
                    new VertxOptions().setPreferNativeTransport(true),
                    hazelcast,
                    disk,
                    quorum::replicas,
                    RESTORE_WAIT)
                .await(RESTORE_WAIT.plusSeconds(120).toSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        // a replica that fails while this one joins (kill -9, power) fails the join's first
        // operations rather than leave them unconfirmed: leave, and join again
        Hazelcast.shutdownAll();
        if (attempt == START_ATTEMPTS) {
          disk.close();
          throw e;
        }
        OUT.say("joining the store failed (" + e + "); joining again");
        Thread.sleep(1_000);
      }
    }
    ServerReplica replica = started;
    OUT.say(
        "store ready: "
            + replica.clustered().hazelcast().getCluster().getMembers().size()
            + " member(s)");
    JoinRoutes joins =
        new JoinRoutes(
            ca,
            replica.clustered().hazelcast(),
            known1 ->
                new JoinMessages.ServerGrant(
                    cluster.clusterName(),
                    known1,
                    ca.certificatePem(),
                    ca.privateKeyPem(),
                    adminToken,
                    settings.serviceCidr()));
    ApiServerOptions api =
        ApiServerOptions.defaults(adminToken, null)
            .withHost(bind)
            .withPort(port)
            .withCertificate(serving);
    ApiServerVerticle verticle =
        replica
            .serve(
                AllocationOptions.defaults().withServiceCidr(settings.serviceCidr()),
                api,
                replica.deployOn(
                    applied ->
                        new ApiServerVerticle(
                                replica.store(),
                                applied,
                                Clock.systemUTC(),
                                AgentCredentials.nodeAccess(agentClient, ca.certificatePem()))
                            .withRoutes("/skiff/", joins::router)))
            .await(60, TimeUnit.SECONDS);
    String url = "https://" + hostLiteral(address) + ":" + verticle.actualPort();
    OUT.say("API server " + url + " (listening on " + bind + ")");
    KubeClient admin =
        replica
            .startControllers(address, settings.serviceCidr(), ControllerOptions.defaults())
            .compose(c -> KubeDns.ensureService(c, settings.serviceCidr()).map(c))
            .await(60, TimeUnit.SECONDS);
    JoinToken joinToken = state.joinToken();
    if (joinToken != null) {
      JoinSecret.ensure(admin, JoinSecret.JOIN_SECRET, joinToken.secret())
          .await(30, TimeUnit.SECONDS);
    }
    joins.ready(admin);
    Path kubeconfig = dir.resolve(ServerState.KUBECONFIG);
    KubeconfigFile.write(
        kubeconfig, url, adminToken, new ServingCertificate(ca.certificatePem(), null), "skiff");
    OUT.say("admin kubeconfig " + kubeconfig);
    if (joinToken != null) {
      OUT.say("join token (also in " + dir.resolve(ServerState.JOIN_TOKEN) + "):");
      System.out.println("  " + joinToken.text());
      OUT.say("add a node:    skiff agent --server " + url + " --token TOKEN");
      OUT.say("add a replica: skiff server --join " + url + " --token TOKEN --address ADDRESS");
    }
    OUT.runUntilStopped("stopping", () -> replica.stop().await(60, TimeUnit.SECONDS));
    return 0;
  }

  static String hostLiteral(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  static String hostPort(String host, int port) {
    return hostLiteral(host) + ":" + port;
  }
}
