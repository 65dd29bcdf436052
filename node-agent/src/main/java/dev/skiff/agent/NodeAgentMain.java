package dev.skiff.agent;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one node agent in its own JVM: {@code NodeAgentMain --api-server URL [--index N] [--name
 * NAME] [--address IP] [--port P] [--runtime process|docker] [--pod-cidr CIDR] [--data-dir DIR]
 * [--token T | --token-file F | --kubeconfig FILE] [--service-cidr CIDR] [--cluster-dns IP]}. Stops
 * (reporting the node NotReady) on SIGTERM/SIGINT.
 */
public final class NodeAgentMain {
  private NodeAgentMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = parse(args);
    String apiServer = flags.get("api-server");
    if (apiServer == null && !flags.containsKey("kubeconfig")) {
      System.err.println(
          "usage: NodeAgentMain (--api-server URL | --kubeconfig FILE) [--index N] [options]");
      System.exit(2);
    }
    NodeAgentOptions options =
        NodeAgentOptions.defaults(Integer.parseInt(flags.getOrDefault("index", "1")), apiServer);
    if ("docker".equals(flags.get("runtime"))) {
      options = options.withDockerRuntime();
    }
    options = apply(options, flags);
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    String deployment = vertx.deployVerticle(new NodeAgentVerticle(options)).await();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  vertx.undeploy(deployment).await();
                  vertx.close().await();
                }));
  }

  private static NodeAgentOptions apply(NodeAgentOptions o, Map<String, String> f)
      throws Exception {
    if (f.containsKey("name")) {
      o = o.withName(f.get("name"));
    }
    if (f.containsKey("address")) {
      o = o.withAddress(f.get("address"));
    }
    if (f.containsKey("port")) {
      o = o.withPort(Integer.parseInt(f.get("port")));
    }
    if (f.containsKey("pod-cidr")) {
      o = o.withPodCidr(f.get("pod-cidr"));
    }
    if (f.containsKey("data-dir")) {
      o = o.withDataDir(Path.of(f.get("data-dir")));
    }
    if (f.containsKey("token")) {
      o = o.withToken(f.get("token"));
    }
    if (f.containsKey("kubeconfig")) {
      o = o.withKubeconfig(Path.of(f.get("kubeconfig")));
    }
    if (f.containsKey("token-file")) {
      o = o.withToken(Files.readString(Path.of(f.get("token-file"))).trim());
    }
    if (f.containsKey("service-cidr")) {
      o = o.withServiceCidr(f.get("service-cidr"));
    }
    if (f.containsKey("cluster-dns")) {
      o = o.withClusterDns(List.of(f.get("cluster-dns").split(",")));
    }
    return o;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --flag value, got " + Arrays.toString(args));
      }
      flags.put(args[i].substring(2), args[++i]);
    }
    return flags;
  }
}
