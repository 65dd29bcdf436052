package dev.skiff.dns.zone;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * An immutable index of every record of the cluster zone (and of the PTR records for cluster
 * addresses), keyed by owner name; names compare case-insensitively. Built in one pass from the
 * per-Service records, so a change costs one rebuild of a hash map. Lookups are lock-free.
 */
public final class ZoneIndex {
  /** The schema version of the Kubernetes DNS specification implemented. */
  public static final String SCHEMA_VERSION = "1.1.0";

  private final ZoneOptions options;
  private final long version;
  private final Map<Name, Map<Integer, List<Record>>> nodes;
  private final PodRecords pods;
  private final SOARecord soa;

  private ZoneIndex(
      ZoneOptions options,
      long version,
      Map<Name, Map<Integer, List<Record>>> nodes,
      PodRecords pods,
      SOARecord soa) {
    this.options = options;
    this.version = version;
    this.nodes = nodes;
    this.pods = pods;
    this.soa = soa;
  }

  /** An index with only the zone's own records (apex, schema version). */
  public static ZoneIndex empty(ZoneOptions options) {
    return build(options, 0, List.of(), List.of(), List.of());
  }

  /**
   * Builds an index.
   *
   * @param serviceRecords the synthesized records, one collection per Service
   * @param pods the known pods (used by {@link PodMode#VERIFIED})
   * @param nameservers addresses of the zone's name server (the kube-dns Service), may be empty
   */
  static ZoneIndex build(
      ZoneOptions options,
      long version,
      Collection<List<Record>> serviceRecords,
      Collection<PodEntry> pods,
      List<InetAddress> nameservers) {
    Name zone = options.zone();
    long ttl = options.ttl();
    Name nsName = ServiceRecordSynthesizer.child("ns.dns", zone);
    Name admin = ServiceRecordSynthesizer.child("hostmaster", zone);
    SOARecord soa =
        new SOARecord(
            zone, DClass.IN, ttl, nsName, admin, version & 0xffffffffL, 7200, 1800, 86400, ttl);
    Map<Name, Map<Integer, Set<Record>>> building = new HashMap<>();
    add(building, soa);
    add(building, new NSRecord(zone, DClass.IN, ttl, nsName));
    add(
        building,
        new TXTRecord(
            ServiceRecordSynthesizer.child("dns-version", zone), DClass.IN, ttl, SCHEMA_VERSION));
    for (InetAddress address : nameservers) {
      add(building, Addresses.addressRecord(nsName, ttl, address));
    }
    for (List<Record> records : serviceRecords) {
      for (Record record : records) {
        add(building, record);
      }
    }
    PodRecords podRecords = new PodRecords(options, pods);
    for (Name name : podRecords.emptyNonTerminals()) {
      building.computeIfAbsent(name, n -> new HashMap<>());
    }
    addEmptyNonTerminals(building, zone);
    return new ZoneIndex(options, version, freeze(building), podRecords, soa);
  }

  private static void add(Map<Name, Map<Integer, Set<Record>>> building, Record record) {
    building
        .computeIfAbsent(record.getName(), n -> new HashMap<>())
        .computeIfAbsent(record.getType(), t -> new LinkedHashSet<>())
        .add(record);
  }

  /** Every ancestor of a name in the zone exists (RFC 8020): add the empty ones. */
  private static void addEmptyNonTerminals(
      Map<Name, Map<Integer, Set<Record>>> building, Name zone) {
    List<Name> owners = new ArrayList<>(building.keySet());
    for (Name owner : owners) {
      if (!owner.subdomain(zone)) {
        continue;
      }
      for (int strip = 1; owner.labels() - strip > zone.labels(); strip++) {
        if (building.putIfAbsent(new Name(owner, strip), new HashMap<>()) != null) {
          break;
        }
      }
    }
  }

  private static Map<Name, Map<Integer, List<Record>>> freeze(
      Map<Name, Map<Integer, Set<Record>>> building) {
    Map<Name, Map<Integer, List<Record>>> nodes = new HashMap<>(building.size() * 2);
    building.forEach(
        (name, rrsets) -> {
          Map<Integer, List<Record>> frozen = new HashMap<>(4);
          rrsets.forEach((type, records) -> frozen.put(type, List.copyOf(records)));
          nodes.put(name, frozen);
        });
    return nodes;
  }

  /** Answers one question; {@code qname} in any case. */
  public ZoneAnswer lookup(Name qname, int qtype) {
    Map<Integer, List<Record>> node = nodes.get(qname);
    if (node == null) {
      if (!qname.subdomain(options.zone())) {
        return ZoneAnswer.NOT_AUTHORITATIVE;
      }
      return pods.lookup(qname, qtype);
    }
    if (qtype == Type.ANY) {
      List<Record> all = new ArrayList<>();
      node.values().forEach(all::addAll);
      return all.isEmpty() ? ZoneAnswer.NODATA : ZoneAnswer.of(all, List.of());
    }
    List<Record> cname = node.get(Type.CNAME);
    if (cname != null) {
      return ZoneAnswer.of(cname, List.of());
    }
    List<Record> rrset = node.get(qtype);
    if (rrset == null) {
      return ZoneAnswer.NODATA;
    }
    return ZoneAnswer.of(rrset, additional(rrset));
  }

  /** A/AAAA records of the SRV or NS targets in the zone. */
  private List<Record> additional(List<Record> rrset) {
    int type = rrset.get(0).getType();
    if (type != Type.SRV && type != Type.NS) {
      return List.of();
    }
    Set<Record> extra = new LinkedHashSet<>();
    for (Record record : rrset) {
      Name target =
          record instanceof SRVRecord srv ? srv.getTarget() : ((NSRecord) record).getTarget();
      Map<Integer, List<Record>> node = nodes.get(target);
      if (node != null) {
        extra.addAll(node.getOrDefault(Type.A, List.of()));
        extra.addAll(node.getOrDefault(Type.AAAA, List.of()));
      }
    }
    return List.copyOf(extra);
  }

  /** The zone's SOA record, for the authority section of negative answers (RFC 2308). */
  public SOARecord soa() {
    return soa;
  }

  public ZoneOptions options() {
    return options;
  }

  /** Increases with every published change. */
  public long version() {
    return version;
  }

  /** Number of owner names held (including empty non-terminals). */
  public int size() {
    return nodes.size();
  }
}
