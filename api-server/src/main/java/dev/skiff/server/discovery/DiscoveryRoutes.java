package dev.skiff.server.discovery;

import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.server.crd.CustomKinds;
import dev.skiff.server.http.HttpErrors;
import dev.skiff.server.http.Negotiation;
import dev.skiff.server.http.Replies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Mounts /version, /api, /apis, /apis/{group} and the per-group-version resource lists. The named
 * groups include the custom kinds this replica serves; their documents are rebuilt when those
 * change, so a new CustomResourceDefinition is in discovery on the next request.
 */
public final class DiscoveryRoutes {
  private final byte[] version = Json.toBytes(VersionInfo.document());
  private final Supplier<String> serverAddress;
  private final byte[] aggregatedCore = Json.toBytes(AggregatedDiscovery.core());
  private final CustomKinds kinds;
  private volatile Named named;

  /** The documents of the named groups for one generation of the custom kinds. */
  private record Named(
      long generation,
      Map<String, List<ResourceType>> groupVersions,
      byte[] groupList,
      byte[] aggregated) {}

  /**
   * @param serverAddress host:port clients reach this server at (known once it listens)
   */
  public DiscoveryRoutes(Supplier<String> serverAddress) {
    this(serverAddress, new CustomKinds());
  }

  /**
   * @param kinds the custom kinds served besides the built-in ones
   */
  public DiscoveryRoutes(Supplier<String> serverAddress, CustomKinds kinds) {
    this.serverAddress = serverAddress;
    this.kinds = kinds;
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
    router
        .get("/apis")
        .handler(
            ctx -> {
              Named n = named();
              negotiate(ctx, n.aggregated(), n.groupList());
            });
    router
        .get("/api/v1")
        .handler(ctx -> Replies.json(ctx, 200, LegacyDiscovery.resourceList("v1")));
    router.getWithRegex("/apis/([^/]+)").handler(this::group);
    router.getWithRegex("/apis/([^/]+)/([^/]+)").handler(this::groupVersion);
  }

  private Named named() {
    long generation = kinds.generation();
    Named current = named;
    if (current == null || current.generation() != generation) {
      Map<String, List<ResourceType>> groupVersions = ApiGroups.withCustom(kinds.types());
      current =
          new Named(
              generation,
              groupVersions,
              Json.toBytes(LegacyDiscovery.groupList(groupVersions)),
              Json.toBytes(AggregatedDiscovery.named(groupVersions)));
      named = current;
    }
    return current;
  }

  private void group(RoutingContext ctx) {
    String group = ctx.pathParam("param0");
    Map<String, List<ResourceType>> groupVersions = named().groupVersions();
    if (ApiGroups.versionsOf(group, groupVersions).isEmpty()) {
      ctx.fail(HttpErrors.pathNotFound());
      return;
    }
    Replies.json(ctx, 200, LegacyDiscovery.group(group, groupVersions));
  }

  private void groupVersion(RoutingContext ctx) {
    String gv = ctx.pathParam("param0") + "/" + ctx.pathParam("param1");
    List<ResourceType> types = named().groupVersions().get(gv);
    if (types == null) {
      ctx.fail(HttpErrors.pathNotFound());
      return;
    }
    Replies.json(ctx, 200, LegacyDiscovery.resourceList(gv, types));
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
