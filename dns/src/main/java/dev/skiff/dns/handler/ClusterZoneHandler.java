package dev.skiff.dns.handler;

import dev.skiff.dns.zone.ZoneAnswer;
import dev.skiff.dns.zone.ZoneIndex;
import dev.skiff.dns.zone.ZoneView;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Answers names of the cluster zone (and PTR names of cluster addresses) from the {@link ZoneView};
 * everything else goes to the next handler. Until the zone's source has synced, names of the
 * cluster domain get SERVFAIL, never a confident negative. CNAMEs of ExternalName Services are
 * chased: inside the zone directly, outside through the next handler.
 */
public final class ClusterZoneHandler implements DnsHandler {
  private static final int MAX_CHAIN = 8;

  private final ZoneView zone;
  private final DnsHandler next;

  public ClusterZoneHandler(ZoneView zone, DnsHandler next) {
    this.zone = zone;
    this.next = next;
  }

  @Override
  public Future<Reply> handle(DnsQuery query) {
    ZoneIndex index = zone.index();
    if (query.dclass() != DClass.IN) {
      return next.handle(query);
    }
    boolean inZone = query.name().subdomain(index.options().zone());
    if (!zone.synced()) {
      return inZone ? Future.succeededFuture(Reply.servfail()) : next.handle(query);
    }
    ZoneAnswer answer = index.lookup(query.name(), query.type());
    if (answer.kind() == ZoneAnswer.Kind.NOT_AUTHORITATIVE) {
      return next.handle(query);
    }
    return resolve(index, query, answer, new ArrayList<>(), 0);
  }

  private Future<Reply> resolve(
      ZoneIndex index, DnsQuery query, ZoneAnswer answer, List<Record> chain, int depth) {
    switch (answer.kind()) {
      case NXDOMAIN:
        return Future.succeededFuture(negative(index, Rcode.NXDOMAIN, chain));
      case NODATA:
        return Future.succeededFuture(negative(index, Rcode.NOERROR, chain));
      case NOT_AUTHORITATIVE:
        return next.handle(query).map(reply -> reply.prependAnswers(chain, false));
      default:
        break;
    }
    List<Record> records = answer.answers();
    Record last = records.get(records.size() - 1);
    if (!(last instanceof CNAMERecord cname)
        || query.type() == Type.CNAME
        || query.type() == Type.ANY
        || depth >= MAX_CHAIN) {
      chain.addAll(records);
      return Future.succeededFuture(
          new Reply(Rcode.NOERROR, true, chain, List.of(), answer.additional(), true));
    }
    chain.addAll(records);
    Name target = cname.getTarget();
    DnsQuery chased = new DnsQuery(target, query.type(), query.dclass());
    if (!target.subdomain(index.options().zone())) {
      List<Record> prefix = List.copyOf(chain);
      return next.handle(chased)
          .map(reply -> reply.prependAnswers(prefix, false))
          .otherwise(e -> new Reply(Rcode.NOERROR, false, prefix, List.of(), List.of(), false));
    }
    return resolve(index, chased, index.lookup(target, query.type()), chain, depth + 1);
  }

  private static Reply negative(ZoneIndex index, int rcode, List<Record> chain) {
    return new Reply(rcode, true, List.copyOf(chain), List.of(index.soa()), List.of(), true);
  }
}
