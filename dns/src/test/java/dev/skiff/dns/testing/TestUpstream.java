package dev.skiff.dns.testing;

import dev.skiff.dns.handler.DnsHandler;
import dev.skiff.dns.handler.DnsQuery;
import dev.skiff.dns.handler.Reply;
import dev.skiff.dns.server.DnsListenerVerticle;
import dev.skiff.dns.server.QueryProcessor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A second DNS server on loopback, standing in for the host's upstream resolver: authoritative for
 * {@code example.test.}, counting the queries it gets. {@code www.example.test} and every {@code
 * host-*.example.test} have an A record (TTL 300); {@code big.example.test} has TXT records too
 * large for a UDP answer; other names get NXDOMAIN with an SOA (negative TTL 60). A silent upstream
 * never answers.
 */
public final class TestUpstream {
  public static final Name ZONE = Name.fromConstantString("example.test.");
  public static final String WWW_IP = "192.0.2.53";
  public static final int BIG_RECORDS = 40;

  private final Map<String, AtomicInteger> queries = new ConcurrentHashMap<>();
  private final boolean silent;
  private DnsListenerVerticle listener;

  private TestUpstream(boolean silent) {
    this.silent = silent;
  }

  public static TestUpstream start(Vertx vertx, boolean silent) {
    TestUpstream upstream = new TestUpstream(silent);
    QueryProcessor processor = new QueryProcessor(upstream.handler(), () -> 0);
    upstream.listener = new DnsListenerVerticle(processor, "127.0.0.1", 0, true);
    vertx.deployVerticle(upstream.listener).await();
    return upstream;
  }

  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", listener.udpPort());
  }

  /** How many queries (UDP and TCP) arrived for the name (lower case, absolute). */
  public int queries(String name) {
    AtomicInteger count = queries.get(name);
    return count == null ? 0 : count.get();
  }

  public int totalQueries() {
    return queries.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private DnsHandler handler() {
    return query -> {
      queries
          .computeIfAbsent(query.name().toString().toLowerCase(), n -> new AtomicInteger())
          .incrementAndGet();
      if (silent) {
        return Promise.<Reply>promise().future();
      }
      return Future.succeededFuture(answer(query));
    };
  }

  private static Reply answer(DnsQuery query) {
    Name name = query.name();
    if (!name.subdomain(ZONE)) {
      return Reply.error(Rcode.REFUSED);
    }
    List<Record> answers = new ArrayList<>();
    String first = name.getLabelString(0).toLowerCase();
    boolean host = name.labels() == 4 && (first.equals("www") || first.startsWith("host-"));
    if (host && query.type() == Type.A) {
      answers.add(new ARecord(name, DClass.IN, 300, addr(WWW_IP)));
    } else if (name.equals(Name.fromConstantString("big.example.test."))
        && query.type() == Type.TXT) {
      for (int i = 0; i < BIG_RECORDS; i++) {
        answers.add(new TXTRecord(name, DClass.IN, 300, "record " + i + " " + "x".repeat(60)));
      }
    } else {
      SOARecord soa =
          new SOARecord(
              ZONE,
              DClass.IN,
              60,
              Name.fromConstantString("ns.example.test."),
              Name.fromConstantString("admin.example.test."),
              1,
              3600,
              600,
              86400,
              60);
      return new Reply(Rcode.NXDOMAIN, true, List.of(), List.of(soa), List.of(), false);
    }
    return new Reply(Rcode.NOERROR, true, answers, List.of(), List.of(), false);
  }

  private static java.net.InetAddress addr(String ip) {
    try {
      return java.net.InetAddress.getByAddress(org.xbill.DNS.Address.toByteArray(ip, 1));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
