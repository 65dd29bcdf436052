package dev.skiff.agent.stream;

import java.util.List;

/**
 * The WebSocket subprotocols of Kubernetes' streaming endpoints (k8s.io/apimachinery wsstream and
 * the KEP-4006 port-forward tunnel), in the order the server prefers them.
 */
public final class ChannelProtocol {
  public static final String V5 = "v5.channel.k8s.io";
  public static final String V4 = "v4.channel.k8s.io";
  public static final String BASE64_V5 = "v5.base64.channel.k8s.io";
  public static final String BASE64_V4 = "v4.base64.channel.k8s.io";

  /** kubectl's port-forward: a SPDY/3.1 session carried in binary WebSocket messages. */
  public static final String SPDY_TUNNEL = "SPDY/3.1+portforward.k8s.io";

  /** What a WebSocket may negotiate, from the newest; older channel protocols last. */
  public static final List<String> ALL =
      List.of(
          V5,
          V4,
          "v3.channel.k8s.io",
          "v2.channel.k8s.io",
          "channel.k8s.io",
          BASE64_V5,
          BASE64_V4,
          "v3.base64.channel.k8s.io",
          "v2.base64.channel.k8s.io",
          "base64.channel.k8s.io",
          SPDY_TUNNEL,
          "portforward.k8s.io");

  /** Channel numbers of exec and attach. */
  public static final int STDIN = 0;

  public static final int STDOUT = 1;
  public static final int STDERR = 2;
  public static final int ERROR = 3;
  public static final int RESIZE = 4;

  /** v5: a client message {@code [255, channel]} closes that channel (stdin half-close). */
  public static final int CLOSE = 255;

  private ChannelProtocol() {}

  public static boolean base64(String protocol) {
    return protocol != null && protocol.contains("base64");
  }

  /** v4 and v5 (and their base64 variants) carry a metav1.Status on the error channel. */
  public static boolean structuredErrors(String protocol) {
    return protocol != null && (protocol.startsWith("v4.") || protocol.startsWith("v5."));
  }

  public static boolean closeSignals(String protocol) {
    return protocol != null && protocol.startsWith("v5.");
  }
}
