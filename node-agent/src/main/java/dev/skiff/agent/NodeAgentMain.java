package dev.skiff.agent;

import dev.skiff.agent.component.DnsComponent;
import dev.skiff.agent.component.ProxyComponent;
import dev.skiff.dns.DnsServerOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one node agent in its own JVM: {@code NodeAgentMain --api-server URL [--index N] [--name
 * NAME] [--address IP] [--port P] [--runtime process|docker] [--pod-cidr CIDR] [--pod-network
 * loopback|bridge] [--data-dir DIR] [--token T | --token-file F | --kubeconfig FILE]
 * [--service-cidr CIDR] [--cluster-dns IP] [--components proxy,dns|none] [--dns-port P]}. Like a
 * node of the embedded cluster it runs the node's service proxy and cluster DNS server (on its
 * address, port 10053 by default) unless {@code --components} says otherwise; the LoadBalancer role
 * runs elsewhere ({@code dev.skiff.proxy.LoadBalancerMain}). Stops (reporting the node NotReady) on
 * SIGTERM/SIGINT.
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
    options = apply(options, flags).withComponents(components(flags));
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    String deployment = vertx.deployVerticle(new NodeAgentVerticle(options)).await();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // Stopping the agent stops its pods and reports the node NotReady: whatever
                  // fails on the way, Vert.x is closed and the JVM exits.
                  try {
                    vertx.undeploy(deployment).await(60, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    System.err.println("node agent: stopping: " + e);
                  } finally {
                    try {
                      vertx.close().await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                      System.err.println("node agent: closing: " + e);
                    }
                  }
                }));
  }

  /** How one {@code --flag value} changes the options. */
  @FunctionalInterface
  private interface Setter {
    NodeAgentOptions apply(NodeAgentOptions options, String value) throws IOException;
  }

  private record Flag(String name, Setter setter) {}

  /** The flags that set options, applied in this order ({@code --token-file} wins over --token). */
  private static final List<Flag> FLAGS =
      List.of(
          new Flag("name", NodeAgentOptions::withName),
          new Flag("address", NodeAgentOptions::withAddress),
          new Flag("port", (o, v) -> o.withPort(Integer.parseInt(v))),
          new Flag("pod-cidr", NodeAgentOptions::withPodCidr),
          new Flag("pod-network", NodeAgentOptions::withPodNetwork),
          new Flag("data-dir", (o, v) -> o.withDataDir(Path.of(v))),
          new Flag("token", NodeAgentOptions::withToken),
          new Flag("kubeconfig", (o, v) -> o.withKubeconfig(Path.of(v))),
          new Flag("token-file", (o, v) -> o.withToken(Files.readString(Path.of(v)).trim())),
          new Flag("service-cidr", NodeAgentOptions::withServiceCidr),
          new Flag("cluster-dns", (o, v) -> o.withClusterDns(List.of(v.split(",")))));

  private static NodeAgentOptions apply(NodeAgentOptions options, Map<String, String> flags)
      throws IOException {
    for (Flag flag : FLAGS) {
      String value = flags.get(flag.name());
      if (value != null) {
        options = flag.setter().apply(options, value);
      }
    }
    return options;
  }

  private static List<NodeComponent> components(Map<String, String> flags) {
    int dnsPort = Integer.parseInt(flags.getOrDefault("dns-port", "" + DnsServerOptions.HIGH_PORT));
    List<NodeComponent> components = new ArrayList<>();
    for (String name : flags.getOrDefault("components", "proxy,dns").split(",")) {
      switch (name.trim()) {
        case "proxy" -> components.add(new ProxyComponent());
        case "dns" -> components.add(new DnsComponent(dnsPort));
        case "none", "" -> {}
        default ->
            throw new IllegalArgumentException(
                "--components: unknown component " + name + " (proxy, dns or none)");
      }
    }
    return components;
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
