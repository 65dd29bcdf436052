package dev.skiff.cli.top;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.cli.describe.Quantities;
import dev.skiff.cli.resource.Session;
import io.vertx.core.http.HttpMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Reads metrics.k8s.io and formats usage as kubectl top prints it (millicores, MiB, percent). */
final class Usage {
  static final String METRICS = "/apis/metrics.k8s.io/v1beta1";

  private Usage() {}

  /** GET of a metrics path with an optional label selector. */
  static JsonNode get(Session session, String path, String selector) {
    String uri =
        METRICS
            + path
            + (selector == null
                ? ""
                : "?labelSelector=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    return Json.tree(
        session.await(session.raw().request(HttpMethod.GET, uri, null, null)).getBytes());
  }

  static long millicores(JsonNode usage) {
    return scaled(usage.path("cpu").asText(), 3);
  }

  static long bytes(JsonNode usage) {
    return scaled(usage.path("memory").asText(), 0);
  }

  static String cpu(long millicores) {
    return millicores + "m";
  }

  static String memory(long bytes) {
    return (bytes / (1024 * 1024)) + "Mi";
  }

  /** {@code used} as a whole percentage of {@code capacity}; "<unknown>" without a capacity. */
  static String percent(long used, long capacity) {
    return capacity <= 0 ? "<unknown>" : (used * 100 / capacity) + "%";
  }

  /** A quantity times 10^{@code exponent}, rounded down; 0 when unparsable. */
  static long scaled(String quantity, int exponent) {
    BigDecimal value = Quantities.parse(quantity);
    return value == null
        ? 0
        : value.movePointRight(exponent).setScale(0, RoundingMode.DOWN).longValueExact();
  }
}
