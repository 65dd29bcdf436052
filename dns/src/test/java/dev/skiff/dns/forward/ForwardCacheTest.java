package dev.skiff.dns.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.dns.handler.DnsQuery;
import dev.skiff.dns.handler.Reply;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

class ForwardCacheTest {
  static final Name NAME = Name.fromConstantString("www.example.test.");
  static final DnsQuery QUERY = DnsQuery.in(NAME, Type.A);

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final ForwardCache cache = new ForwardCache(100, now::get);

  static Reply positive(long ttl) throws Exception {
    Record a = new ARecord(NAME, DClass.IN, ttl, InetAddress.getByAddress(new byte[] {1, 2, 3, 4}));
    return new Reply(Rcode.NOERROR, false, List.of(a), List.of(), List.of(), false);
  }

  static Reply negative(int rcode, long soaTtl, long minimum) {
    Name zone = Name.fromConstantString("example.test.");
    SOARecord soa = new SOARecord(zone, DClass.IN, soaTtl, zone, zone, 1, 1, 1, 1, minimum);
    return new Reply(rcode, false, List.of(), List.of(soa), List.of(), false);
  }

  void advanceSeconds(long seconds) {
    now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
  }

  @Test
  void servesAPositiveAnswerWithTtlsDecreasedUntilTheyRunOut() throws Exception {
    cache.put(QUERY, positive(30));
    advanceSeconds(10);
    assertThat(cache.get(QUERY).answers())
        .singleElement()
        .extracting(Record::getTTL)
        .isEqualTo(20L);
    advanceSeconds(20);
    assertThat(cache.get(QUERY)).isNull();
  }

  @Test
  void matchesNamesCaseInsensitively() throws Exception {
    cache.put(QUERY, positive(30));
    assertThat(cache.get(DnsQuery.in(Name.fromConstantString("WWW.Example.TEST."), Type.A)))
        .isNotNull();
    assertThat(cache.get(DnsQuery.in(NAME, Type.AAAA))).isNull();
  }

  @Test
  void keepsNegativeAnswersForTheSmallerOfSoaTtlAndMinimum() {
    cache.put(QUERY, negative(Rcode.NXDOMAIN, 300, 20));
    advanceSeconds(19);
    assertThat(cache.get(QUERY).rcode()).isEqualTo(Rcode.NXDOMAIN);
    advanceSeconds(1);
    assertThat(cache.get(QUERY)).isNull();
  }

  @Test
  void keepsNodataLikeNxdomain() {
    cache.put(QUERY, negative(Rcode.NOERROR, 10, 60));
    advanceSeconds(9);
    assertThat(cache.get(QUERY).answers()).isEmpty();
    advanceSeconds(1);
    assertThat(cache.get(QUERY)).isNull();
  }

  @Test
  void neverKeepsFailuresNegativesWithoutSoaOrZeroTtls() throws Exception {
    cache.put(QUERY, Reply.servfail());
    cache.put(
        DnsQuery.in(NAME, Type.MX),
        new Reply(Rcode.NXDOMAIN, false, List.of(), List.of(), List.of(), false));
    cache.put(DnsQuery.in(NAME, Type.TXT), positive(0));
    assertThat(cache.size()).isZero();
  }

  @Test
  void capsPositiveTtls() throws Exception {
    assertThat(ForwardCache.ttl(positive(86_400))).isEqualTo(ForwardCache.MAX_POSITIVE_TTL);
    assertThat(ForwardCache.ttl(negative(Rcode.NXDOMAIN, 86_400, 86_400)))
        .isEqualTo(ForwardCache.MAX_NEGATIVE_TTL);
  }

  @Test
  void staysWithinItsSize() throws Exception {
    for (int i = 0; i < 250; i++) {
      cache.put(
          DnsQuery.in(Name.fromConstantString("h" + i + ".example.test."), Type.A), positive(60));
    }
    assertThat(cache.size()).isLessThanOrEqualTo(100);
  }
}
