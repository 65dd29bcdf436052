package dev.skiff.agent.access;

import dev.skiff.api.auth.BearerToken;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * The node agent's gate. With an {@link AgentAccess}, every path but {@code /healthz} and {@code
 * /metrics} needs the agent-access token (401 without or with a wrong one). Without one, nothing
 * that runs a command or joins a process is served at all (403), and logs stay as they were.
 */
public final class AgentAuth implements Handler<RoutingContext> {
  private static final Set<String> OPEN = Set.of("/healthz", "/metrics");
  private static final Set<String> RUNS_COMMANDS = Set.of("exec", "attach", "portForward", "run");

  private final BearerToken token;

  /**
   * @param access the cluster's agent credential, or null
   */
  public AgentAuth(AgentAccess access) {
    this.token = access == null ? null : new BearerToken(access.token());
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (OPEN.contains(path)) {
      ctx.next();
    } else if (token == null) {
      if (RUNS_COMMANDS.contains(firstSegment(path))) {
        ctx.fail(
            new StatusException(
                Status.failure(
                    403,
                    "Forbidden",
                    "this node agent has no agent-access credential: it serves no exec, attach"
                        + " or port-forward",
                    null)));
      } else {
        ctx.next();
      }
    } else if (token.authorizes(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
      ctx.next();
    } else {
      ctx.fail(StatusException.unauthorized());
    }
  }

  private static String firstSegment(String path) {
    int start = path.startsWith("/") ? 1 : 0;
    int end = path.indexOf('/', start);
    return end < 0 ? path.substring(start) : path.substring(start, end);
  }
}
