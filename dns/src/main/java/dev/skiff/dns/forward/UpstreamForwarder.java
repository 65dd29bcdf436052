package dev.skiff.dns.forward;

import dev.skiff.dns.handler.DnsQuery;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;

/**
 * Sends a query to the upstream servers, in order, until one answers: over UDP with a timeout,
 * retried over TCP when the UDP answer is truncated (dnsjava's non-blocking {@link
 * SimpleResolver}). A SERVFAIL or REFUSED from one upstream moves on to the next.
 */
public final class UpstreamForwarder {
  private static final int EDNS_PAYLOAD = 1232;

  private final Context context;
  private final List<SimpleResolver> resolvers;

  /**
   * @param context where answers complete (the deploying verticle's context)
   */
  public UpstreamForwarder(Context context, List<InetSocketAddress> upstreams, Duration timeout) {
    this.context = context;
    List<SimpleResolver> list = new ArrayList<>();
    for (InetSocketAddress upstream : upstreams) {
      SimpleResolver resolver = new SimpleResolver(upstream);
      resolver.setTimeout(timeout);
      resolver.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
      list.add(resolver);
    }
    this.resolvers = List.copyOf(list);
  }

  public List<InetSocketAddress> upstreams() {
    return resolvers.stream().map(SimpleResolver::getAddress).toList();
  }

  /** The first usable upstream answer; fails when no upstream answered. */
  public Future<Message> forward(DnsQuery query) {
    if (resolvers.isEmpty()) {
      return Future.failedFuture(new IllegalStateException("no upstream DNS servers"));
    }
    return attempt(query, 0);
  }

  private Future<Message> attempt(DnsQuery query, int i) {
    Message request = Message.newQuery(query.question());
    Future<Message> sent = Future.fromCompletionStage(resolvers.get(i).sendAsync(request), context);
    if (i + 1 >= resolvers.size()) {
      return sent;
    }
    return sent.compose(
        response -> {
          int rcode = response.getRcode();
          return rcode == Rcode.SERVFAIL || rcode == Rcode.REFUSED
              ? attempt(query, i + 1).recover(e -> Future.succeededFuture(response))
              : Future.succeededFuture(response);
        },
        failure -> attempt(query, i + 1));
  }
}
