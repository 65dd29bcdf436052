package dev.skiff.server.discovery;

import dev.skiff.api.Json;
import dev.skiff.server.http.HttpErrors;
import dev.skiff.server.http.Negotiation;
import dev.skiff.server.http.Replies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** Mounts /version, /api, /apis, /apis/{group} and the per-group-version resource lists. */
public final class DiscoveryRoutes {
  private final byte[] version = Json.toBytes(VersionInfo.document());
  private final Supplier<String> serverAddress;
  private final byte[] groupList = Json.toBytes(LegacyDiscovery.groupList());
  private final byte[] aggregatedCore = Json.toBytes(AggregatedDiscovery.core());
  private final byte[] aggregatedNamed = Json.toBytes(AggregatedDiscovery.named());

  /**
   * @param serverAddress host:port clients reach this server at (known once it listens)
   */
  public DiscoveryRoutes(Supplier<String> serverAddress) {
    this.serverAddress = serverAddress;
  }

  public void mount(Router router) {
    router.get("/version").handler(ctx -> send(ctx, version));
    router
        .get("/api")
        .handler(
            ctx ->
                negotiate(
                    ctx,
                    aggregatedCore,
                    Json.toBytes(LegacyDiscovery.apiVersions(serverAddress.get()))));
    router.get("/apis").handler(ctx -> negotiate(ctx, aggregatedNamed, groupList));
    router
        .get("/api/v1")
        .handler(ctx -> Replies.json(ctx, 200, LegacyDiscovery.resourceList("v1")));
    router.getWithRegex("/apis/([^/]+)").handler(this::group);
    router.getWithRegex("/apis/([^/]+)/([^/]+)").handler(this::groupVersion);
  }

  private void group(RoutingContext ctx) {
    String group = ctx.pathParam("param0");
    if (!ApiGroups.servesGroup(group)) {
      ctx.fail(HttpErrors.pathNotFound());
      return;
    }
    Replies.json(ctx, 200, LegacyDiscovery.group(group));
  }

  private void groupVersion(RoutingContext ctx) {
    String gv = ctx.pathParam("param0") + "/" + ctx.pathParam("param1");
    if (!ApiGroups.namedGroupVersions().contains(gv)) {
      ctx.fail(HttpErrors.pathNotFound());
      return;
    }
    Replies.json(ctx, 200, LegacyDiscovery.resourceList(gv));
  }

  private static void negotiate(RoutingContext ctx, byte[] aggregated, byte[] legacy) {
    if (Negotiation.wantsAggregatedDiscovery(ctx)) {
      Replies.bytes(ctx, 200, Negotiation.AGGREGATED_DISCOVERY, aggregated);
    } else {
      send(ctx, legacy);
    }
  }

  private static void send(RoutingContext ctx, byte[] body) {
    Replies.bytes(ctx, 200, Replies.JSON, body);
  }
}
