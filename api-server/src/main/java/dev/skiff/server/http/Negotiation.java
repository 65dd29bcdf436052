package dev.skiff.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Content negotiation on Accept: Table responses and aggregated discovery. */
public final class Negotiation {
  public static final String AGGREGATED_DISCOVERY =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  private Negotiation() {}

  /** True when the first range the server can serve asks for a meta.k8s.io Table. */
  public static boolean wantsTable(RoutingContext ctx) {
    for (MediaRange range : MediaRange.parseList(ctx.request().getHeader(HttpHeaders.ACCEPT))) {
      if (range.is("Table", "meta.k8s.io", "v1") || range.is("Table", "meta.k8s.io", "v1beta1")) {
        return true;
      }
      if (range.acceptsJson() && range.param("as").isEmpty()) {
        return false;
      }
    }
    return false;
  }

  /**
   * True when the first servable range asks for apidiscovery.k8s.io/v2 APIGroupDiscoveryList. Older
   * kubectl builds ask only for v2beta1, which is not served: they get legacy discovery.
   */
  public static boolean wantsAggregatedDiscovery(RoutingContext ctx) {
    for (MediaRange range : MediaRange.parseList(ctx.request().getHeader(HttpHeaders.ACCEPT))) {
      if (range.is("APIGroupDiscoveryList", "apidiscovery.k8s.io", "v2")) {
        return true;
      }
      if (range.acceptsJson() && range.param("as").isEmpty()) {
        return false;
      }
    }
    return false;
  }
}
