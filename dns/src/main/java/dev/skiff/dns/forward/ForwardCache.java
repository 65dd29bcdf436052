package dev.skiff.dns.forward;

import dev.skiff.dns.handler.DnsQuery;
import dev.skiff.dns.handler.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * Positive and negative cache of upstream answers (RFC 2308). A positive answer lives for the
 * smallest TTL of its answer records, a negative one (NXDOMAIN, or NOERROR without answers) for
 * min(SOA TTL, SOA minimum) of its authority SOA; without SOA it is not kept. Both are capped. Hits
 * carry TTLs decreased by the time spent in the cache. Thread-safe.
 */
public final class ForwardCache {
  public static final long MAX_POSITIVE_TTL = 3600;
  public static final long MAX_NEGATIVE_TTL = 1800;

  private final int maxEntries;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

  public ForwardCache(int maxEntries, LongSupplier nanoClock) {
    this.maxEntries = maxEntries;
    this.nanoClock = nanoClock;
  }

  public ForwardCache(int maxEntries) {
    this(maxEntries, System::nanoTime);
  }

  /** The cached reply for the query, TTLs decreased, or null. */
  public Reply get(DnsQuery query) {
    Key key = Key.of(query);
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    long now = nanoClock.getAsLong();
    if (now - entry.expiresAt >= 0) {
      entries.remove(key, entry);
      return null;
    }
    long elapsed = TimeUnit.NANOSECONDS.toSeconds(now - entry.storedAt);
    Reply reply = entry.reply;
    return new Reply(
        reply.rcode(),
        false,
        age(reply.answers(), elapsed),
        age(reply.authority(), elapsed),
        age(reply.additional(), elapsed),
        false);
  }

  /** Keeps the reply if it is cacheable. */
  public void put(DnsQuery query, Reply reply) {
    long ttl = ttl(reply);
    if (ttl <= 0) {
      return;
    }
    if (entries.size() >= maxEntries) {
      long now = nanoClock.getAsLong();
      entries.values().removeIf(e -> now - e.expiresAt >= 0);
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
    }
    long now = nanoClock.getAsLong();
    entries.put(Key.of(query), new Entry(reply, now, now + TimeUnit.SECONDS.toNanos(ttl)));
  }

  public int size() {
    return entries.size();
  }

  static long ttl(Reply reply) {
    if (reply.rcode() != Rcode.NOERROR && reply.rcode() != Rcode.NXDOMAIN) {
      return 0;
    }
    if (reply.rcode() == Rcode.NOERROR && !reply.answers().isEmpty()) {
      long min = MAX_POSITIVE_TTL;
      for (Record record : reply.answers()) {
        min = Math.min(min, record.getTTL());
      }
      return min;
    }
    for (Record record : reply.authority()) {
      if (record instanceof SOARecord soa) {
        return Math.min(MAX_NEGATIVE_TTL, Math.min(soa.getTTL(), soa.getMinimum()));
      }
    }
    return 0;
  }

  private static List<Record> age(List<Record> records, long elapsed) {
    if (elapsed == 0 || records.isEmpty()) {
      return records;
    }
    List<Record> aged = new ArrayList<>(records.size());
    for (Record r : records) {
      long ttl = Math.max(0, r.getTTL() - elapsed);
      aged.add(
          Record.newRecord(r.getName(), r.getType(), r.getDClass(), ttl, r.rdataToWireCanonical()));
    }
    return aged;
  }

  private record Key(String name, int type, int dclass) {
    static Key of(DnsQuery query) {
      return new Key(
          query.name().toString().toLowerCase(Locale.ROOT), query.type(), query.dclass());
    }
  }

  private record Entry(Reply reply, long storedAt, long expiresAt) {}
}
