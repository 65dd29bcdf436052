package dev.skiff.server;

import dev.skiff.server.cluster.ClusterSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The api-server's command line.
 *
 * <pre>
 *   --bind HOST            HTTP bind address (127.0.0.1)
 *   --port N               HTTP port (6443; 0 = any free port)
 *   --token TOKEN          bearer token (default: read or create DATA_DIR/token, else random)
 *   --kubeconfig-out PATH  write a kubeconfig for this server
 *   --cluster-name NAME    Hazelcast cluster name (skiff)
 *   --hz-port N            this replica's Hazelcast member port (5701)
 *   --hz-members A,B       Hazelcast members to join, host:port (this member only)
 *   --data-dir DIR         replica state directory (token, serving certificate; and the store,
 *                          kept across restarts, when --hz-members names only this replica)
 *   --tls-cert-file PATH   PEM serving certificate (with --tls-key-file); default self-signed
 *   --tls-key-file PATH    PEM PKCS#8 private key
 *   --insecure-http true   serve plain HTTP (kubectl then sends no token: only for other clients)
 * </pre>
 */
record ApiServerCommandLine(
    String bind,
    int port,
    String token,
    Path kubeconfigOut,
    ClusterSettings cluster,
    Path dataDir,
    Path tlsCertFile,
    Path tlsKeyFile,
    boolean insecureHttp) {

  static ApiServerCommandLine parse(String... args) {
    String bind = ApiServerOptions.DEFAULT_HOST;
    int port = ApiServerOptions.DEFAULT_PORT;
    String token = null;
    Path kubeconfig = null;
    Path dataDir = null;
    Path certFile = null;
    Path keyFile = null;
    boolean insecure = false;
    ClusterSettings cluster = ClusterSettings.defaults();
    List<String> members = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--bind" -> bind = value;
        case "--port" -> port = Integer.parseInt(value);
        case "--token" -> token = value;
        case "--kubeconfig-out" -> kubeconfig = Path.of(value);
        case "--cluster-name" -> cluster = cluster.withClusterName(value);
        case "--hz-port" -> cluster = cluster.withPort(Integer.parseInt(value));
        case "--hz-members" -> members = Arrays.asList(value.split(","));
        case "--data-dir" -> dataDir = Path.of(value);
        case "--tls-cert-file" -> certFile = Path.of(value);
        case "--tls-key-file" -> keyFile = Path.of(value);
        case "--insecure-http" -> insecure = Boolean.parseBoolean(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    cluster =
        cluster.withMembers(members != null ? members : List.of("127.0.0.1:" + cluster.port()));
    if (dataDir != null && alone(cluster)) {
      cluster = cluster.withDataDir(dataDir);
    }
    if ((certFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException("--tls-cert-file and --tls-key-file go together");
    }
    return new ApiServerCommandLine(
        bind, port, token, kubeconfig, cluster, dataDir, certFile, keyFile, insecure);
  }

  /** Whether the member list names only this replica: persistence is for one-member clusters. */
  private static boolean alone(ClusterSettings cluster) {
    String self = cluster.host() + ":" + cluster.port();
    return cluster.members().stream().allMatch(self::equals);
  }
}
