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
 *   --data-dir DIR         replica state directory (token)
 * </pre>
 */
record ApiServerCommandLine(
    String bind,
    int port,
    String token,
    Path kubeconfigOut,
    ClusterSettings cluster,
    Path dataDir) {

  static ApiServerCommandLine parse(String... args) {
    String bind = ApiServerOptions.DEFAULT_HOST;
    int port = ApiServerOptions.DEFAULT_PORT;
    String token = null;
    Path kubeconfig = null;
    Path dataDir = null;
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
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    cluster =
        cluster.withMembers(members != null ? members : List.of("127.0.0.1:" + cluster.port()));
    return new ApiServerCommandLine(bind, port, token, kubeconfig, cluster, dataDir);
  }
}
