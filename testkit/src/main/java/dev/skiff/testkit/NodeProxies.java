package dev.skiff.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service proxies of the cluster's nodes, as their node agents' {@code /metrics} show them
 * ({@code skiff_proxy_endpoints}: the endpoints each Service port is routed to). Blocking.
 */
final class NodeProxies {
  /** The node agents' read-only port (plain HTTP /healthz and /metrics; the kubelet's 10255). */
  static final int AGENT_PORT = 10255;

  private final List<URI> metrics;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private NodeProxies(List<URI> metrics) {
    this.metrics = metrics;
  }

  /** From the cluster's node descriptions, "node-1 127.64.0.1". */
  static NodeProxies of(List<String> nodes) {
    List<URI> uris = new ArrayList<>();
    for (String node : nodes) {
      String address = node.substring(node.lastIndexOf(' ') + 1);
      uris.add(URI.create("http://" + address + ":" + AGENT_PORT + "/metrics"));
    }
    return new NodeProxies(uris);
  }

  /**
   * True when every node's proxy routes every port of {@code service} ({@code namespace/name}) to
   * at least {@code count} endpoints.
   */
  boolean allRoute(String service, int count) {
    for (URI uri : metrics) {
      String text;
      try {
        text =
            http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (!routes(text, service, count)) {
        return false;
      }
    }
    return true;
  }

  /** Whether one node's metrics show every port of {@code service} with {@code count} or more. */
  static boolean routes(String metricsText, String service, int count) {
    boolean seen = false;
    for (String line : metricsText.split("\\n")) {
      if (!line.startsWith("skiff_proxy_endpoints{")) {
        continue;
      }
      int open = line.indexOf("service=\"") + "service=\"".length();
      int close = line.indexOf('"', open);
      String label = line.substring(open, close);
      if (!label.equals(service) && !label.startsWith(service + ":")) {
        continue;
      }
      seen = true;
      double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      if (value < count) {
        return false;
      }
    }
    return seen;
  }
}
