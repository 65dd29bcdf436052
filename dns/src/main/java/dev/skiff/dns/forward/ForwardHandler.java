package dev.skiff.dns.forward;

import dev.skiff.dns.handler.DnsHandler;
import dev.skiff.dns.handler.DnsQuery;
import dev.skiff.dns.handler.Reply;
import io.vertx.core.Future;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The last handler of the chain: answers from the cache or forwards upstream. Names of the cluster
 * domain are never forwarded (REFUSED), whatever handler comes before.
 */
public final class ForwardHandler implements DnsHandler {
  private final UpstreamForwarder forwarder;
  private final ForwardCache cache;
  private final Name clusterZone;

  public ForwardHandler(UpstreamForwarder forwarder, ForwardCache cache, Name clusterZone) {
    this.forwarder = forwarder;
    this.cache = cache;
    this.clusterZone = clusterZone;
  }

  @Override
  public Future<Reply> handle(DnsQuery query) {
    if (query.name().subdomain(clusterZone)) {
      return Future.succeededFuture(Reply.error(Rcode.REFUSED));
    }
    Reply cached = cache.get(query);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return forwarder
        .forward(query)
        .map(
            response -> {
              Reply reply = toReply(response);
              cache.put(query, reply);
              return reply;
            })
        .otherwise(e -> Reply.servfail());
  }

  static Reply toReply(Message response) {
    List<Record> additional =
        response.getSection(Section.ADDITIONAL).stream()
            .filter(r -> r.getType() != Type.OPT && r.getType() != Type.TSIG)
            .toList();
    return new Reply(
        response.getRcode(),
        false,
        List.copyOf(response.getSection(Section.ANSWER)),
        List.copyOf(response.getSection(Section.AUTHORITY)),
        additional,
        false);
  }
}
