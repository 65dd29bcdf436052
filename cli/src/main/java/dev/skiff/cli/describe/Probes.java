package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** describeProbe: {@code http-get http://:8080/healthz delay=0s timeout=1s period=10s ...}. */
final class Probes {
  private Probes() {}

  static String describe(JsonNode probe) {
    String attrs =
        "delay="
            + probe.path("initialDelaySeconds").asInt(0)
            + "s timeout="
            + probe.path("timeoutSeconds").asInt(1)
            + "s period="
            + probe.path("periodSeconds").asInt(10)
            + "s #success="
            + probe.path("successThreshold").asInt(1)
            + " #failure="
            + probe.path("failureThreshold").asInt(3);
    return action(probe) + " " + attrs;
  }

  static String action(JsonNode probe) {
    JsonNode http = probe.path("httpGet");
    if (http.isObject()) {
      String scheme = http.path("scheme").asText("HTTP").toLowerCase(java.util.Locale.ROOT);
      return "http-get "
          + scheme
          + "://"
          + http.path("host").asText("")
          + ":"
          + http.path("port").asText()
          + http.path("path").asText("");
    }
    JsonNode tcp = probe.path("tcpSocket");
    if (tcp.isObject()) {
      return "tcp-socket " + tcp.path("host").asText("") + ":" + tcp.path("port").asText();
    }
    JsonNode exec = probe.path("exec");
    if (exec.isObject()) {
      List<String> command = new ArrayList<>();
      exec.path("command").forEach(c -> command.add(c.asText()));
      return "exec [" + String.join(" ", command) + "]";
    }
    JsonNode grpc = probe.path("grpc");
    if (grpc.isObject()) {
      return "grpc <pod>:" + grpc.path("port").asInt() + " " + grpc.path("service").asText("");
    }
    return "unknown";
  }
}
