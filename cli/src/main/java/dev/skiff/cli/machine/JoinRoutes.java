package dev.skiff.cli.machine;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import dev.skiff.api.Json;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.names.Names;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.auth.ClusterCa;
import dev.skiff.server.auth.NodeTokens;
import dev.skiff.server.auth.ServingCertificate;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * The server side of joining, served by every replica before authentication: {@code GET
 * /skiff/v1/cacerts} (the CA certificate, which a joining machine checks against the fingerprint in
 * its token) and {@code POST /skiff/v1/join} with {@code Authorization: Bearer <join secret>}: a
 * wrong or missing secret is 401 Unauthorized; an agent gets a new node token (its hash stored in
 * {@code kube-system}, replacing any earlier one of that node), a server replica what the replicas
 * share. Until the replica's controllers run, joins are 503.
 */
public final class JoinRoutes {
  private final ClusterCa ca;
  private final HazelcastInstance hazelcast;
  private final ServerGrantSource grants;
  private volatile KubeClient client;

  /** The replica's shared state, read when a server replica joins. */
  public interface ServerGrantSource {
    JoinMessages.ServerGrant grant(List<String> members);
  }

  public JoinRoutes(ClusterCa ca, HazelcastInstance hazelcast, ServerGrantSource grants) {
    this.ca = ca;
    this.hazelcast = hazelcast;
    this.grants = grants;
  }

  /** Starts answering joins, through this admin client of the replica. */
  public void ready(KubeClient admin) {
    this.client = admin;
  }

  public Handler<HttpServerRequest> router(Vertx vertx) {
    Router router = Router.router(vertx);
    router
        .get(JoinMessages.CACERTS_PATH)
        .handler(
            ctx ->
                ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-pem-file")
                    .end(ca.certificatePem()));
    router.post(JoinMessages.JOIN_PATH).handler(BodyHandler.create().setBodyLimit(4096));
    router.post(JoinMessages.JOIN_PATH).handler(this::join);
    router.route().handler(ctx -> fail(ctx, StatusException.notFound("the page cannot be found")));
    return router;
  }

  private void join(RoutingContext ctx) {
    KubeClient admin = client;
    if (admin == null) {
      fail(ctx, StatusException.unavailable("the server is starting: try again"));
      return;
    }
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    String secret =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : "";
    JoinMessages.Request request;
    try {
      request = Json.parse(ctx.body().buffer().getBytes(), JoinMessages.Request.class);
    } catch (RuntimeException e) {
      fail(ctx, StatusException.badRequest("the body is not a join request"));
      return;
    }
    JoinSecret.matches(admin, JoinSecret.JOIN_SECRET, secret)
        .compose(
            ok -> {
              if (!ok || secret.isEmpty()) {
                return Future.failedFuture(StatusException.unauthorized());
              }
              return grant(admin, request);
            })
        .onSuccess(
            body ->
                ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(Json.toString(body)))
        .onFailure(e -> fail(ctx, e));
  }

  private Future<Object> grant(KubeClient admin, JoinMessages.Request request) {
    if (JoinMessages.SERVER.equals(request.role())) {
      return Future.succeededFuture(grants.grant(members()));
    }
    if (!JoinMessages.AGENT.equals(request.role())) {
      return Future.failedFuture(StatusException.badRequest("role must be agent or server"));
    }
    String name = request.name() == null ? "" : request.name();
    List<String> invalid = Names.isDns1123Subdomain(name);
    if (!invalid.isEmpty()) {
      return Future.failedFuture(
          StatusException.badRequest("node name \"" + name + "\": " + String.join("; ", invalid)));
    }
    List<String> hosts = new ArrayList<>();
    if (request.address() != null && !request.address().isBlank()) {
      hosts.add(request.address());
    }
    hosts.add(name);
    ServingCertificate serving = ca.serving("skiff-node-agent " + name, hosts);
    String token = NodeTokens.newToken(name);
    JoinMessages.ServerGrant shared = grants.grant(List.of());
    return JoinSecret.store(admin, NodeTokens.secretName(name), token)
        .map(
            v ->
                new JoinMessages.AgentGrant(
                    token,
                    shared.agentToken(),
                    serving.certificatePem(),
                    serving.privateKeyPem(),
                    shared.serviceCidr()));
  }

  /** The store's members as other members reach them, {@code host:port} ({@code [v6]:port}). */
  private List<String> members() {
    return hazelcast.getCluster().getMembers().stream().map(JoinRoutes::address).toList();
  }

  private static String address(Member member) {
    var a = member.getAddress();
    String host = a.getHost();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  private static void fail(RoutingContext ctx, Throwable e) {
    Status status =
        e instanceof StatusException s
            ? s.status()
            : StatusException.internal("joining failed").status();
    ctx.response()
        .setStatusCode(status.code)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(Json.toString(status));
  }
}
