package dev.skiff.dns.zone;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * An immutable index of the cluster zone (and of the PTR records of cluster addresses); names
 * compare case-insensitively. Services are held per namespace, so a change replaces the records of
 * one Service and copies one namespace's map and the PTR map, not the whole zone. Lookups are
 * lock-free.
 */
public final class ZoneIndex {
  /** The schema version of the Kubernetes DNS specification implemented. */
  public static final String SCHEMA_VERSION = "1.1.0";

  private final ZoneOptions options;
  private final long version;
  private final SOARecord soa;
  private final Map<Name, Map<Integer, List<Record>>> fixed;
  private final Map<String, Map<String, ServiceFragment>> namespaces;
  private final Map<Name, List<Record>> reverse;
  private final PodRecords pods;

  private ZoneIndex(
      ZoneOptions options,
      long version,
      Map<Name, Map<Integer, List<Record>>> fixed,
      Map<String, Map<String, ServiceFragment>> namespaces,
      Map<Name, List<Record>> reverse,
      PodRecords pods) {
    this.options = options;
    this.version = version;
    this.fixed = fixed;
    this.soa = (SOARecord) fixed.get(options.zone()).get(Type.SOA).get(0);
    this.namespaces = namespaces;
    this.reverse = reverse;
    this.pods = pods;
  }

  /** An index with only the zone's own records (apex, schema version). */
  public static ZoneIndex empty(ZoneOptions options) {
    return new ZoneIndex(
        options,
        0,
        fixedRecords(options, 0, List.of()),
        Map.of(),
        Map.of(),
        new PodRecords(options, List.of()));
  }

  /**
   * A new index with the changes applied.
   *
   * @param pods the pod records (a new one only when pods changed)
   * @param nameservers addresses of the zone's name server (the kube-dns Service), may be empty
   */
  ZoneIndex update(
      long newVersion,
      Collection<ZoneChange> changes,
      PodRecords pods,
      List<InetAddress> nameservers) {
    Map<String, Map<String, ServiceFragment>> nextNamespaces = new HashMap<>(namespaces);
    Map<String, Map<String, ServiceFragment>> copied = new HashMap<>();
    Map<Name, List<Record>> nextReverse = null;
    for (ZoneChange change : changes) {
      String ns = change.namespace();
      Map<String, ServiceFragment> services =
          copied.computeIfAbsent(ns, n -> new HashMap<>(namespaces.getOrDefault(n, Map.of())));
      if (change.after() == null || change.after().nodes.isEmpty()) {
        services.remove(change.service());
      } else {
        services.put(change.service(), change.after());
      }
      List<Record> ptrBefore = change.before() == null ? List.of() : change.before().ptr;
      List<Record> ptrAfter = change.after() == null ? List.of() : change.after().ptr;
      if (!ptrBefore.equals(ptrAfter)) {
        nextReverse = nextReverse == null ? new HashMap<>(reverse) : nextReverse;
        replacePtr(nextReverse, ptrBefore, ptrAfter);
      }
    }
    copied.forEach(
        (ns, services) -> {
          if (services.isEmpty()) {
            nextNamespaces.remove(ns);
          } else {
            nextNamespaces.put(ns, services);
          }
        });
    return new ZoneIndex(
        options,
        newVersion,
        fixedRecords(options, newVersion, nameservers),
        nextNamespaces,
        nextReverse == null ? reverse : nextReverse,
        pods);
  }

  private static void replacePtr(
      Map<Name, List<Record>> reverse, List<Record> before, List<Record> after) {
    for (Record old : before) {
      List<Record> list = reverse.get(old.getName());
      if (list != null) {
        List<Record> rest = new ArrayList<>(list);
        rest.remove(old);
        if (rest.isEmpty()) {
          reverse.remove(old.getName());
        } else {
          reverse.put(old.getName(), List.copyOf(rest));
        }
      }
    }
    for (Record added : after) {
      List<Record> list = new ArrayList<>(reverse.getOrDefault(added.getName(), List.of()));
      if (!list.contains(added)) {
        list.add(added);
      }
      reverse.put(added.getName(), List.copyOf(list));
    }
  }

  /** Apex SOA and NS, the schema version TXT, the name server's address, their ancestors. */
  private static Map<Name, Map<Integer, List<Record>>> fixedRecords(
      ZoneOptions options, long version, List<InetAddress> nameservers) {
    Name zone = options.zone();
    long ttl = options.ttl();
    Name nsName = ServiceRecordSynthesizer.child("ns.dns", zone);
    Name admin = ServiceRecordSynthesizer.child("hostmaster", zone);
    List<Record> records = new ArrayList<>();
    records.add(
        new SOARecord(
            zone, DClass.IN, ttl, nsName, admin, version & 0xffffffffL, 7200, 1800, 86400, ttl));
    records.add(new NSRecord(zone, DClass.IN, ttl, nsName));
    records.add(
        new TXTRecord(
            ServiceRecordSynthesizer.child("dns-version", zone), DClass.IN, ttl, SCHEMA_VERSION));
    for (InetAddress address : nameservers) {
      records.add(Addresses.addressRecord(nsName, ttl, address));
    }
    Map<Name, Map<Integer, Set<Record>>> building = new HashMap<>();
    for (Record record : records) {
      building
          .computeIfAbsent(record.getName(), n -> new HashMap<>())
          .computeIfAbsent(record.getType(), t -> new LinkedHashSet<>())
          .add(record);
    }
    building.computeIfAbsent(ServiceRecordSynthesizer.child("svc", zone), n -> new HashMap<>());
    if (!nameservers.isEmpty()) {
      building.computeIfAbsent(ServiceRecordSynthesizer.child("dns", zone), n -> new HashMap<>());
    }
    Map<Name, Map<Integer, List<Record>>> fixed = new HashMap<>();
    building.forEach((name, rrsets) -> fixed.put(name, ServiceFragment.freeze(rrsets)));
    return fixed;
  }

  /** Answers one question; {@code qname} in any case. */
  public ZoneAnswer lookup(Name qname, int qtype) {
    Name zone = options.zone();
    if (!qname.subdomain(zone)) {
      List<Record> ptr = reverse.get(qname);
      if (ptr == null) {
        return ZoneAnswer.NOT_AUTHORITATIVE;
      }
      return qtype == Type.PTR || qtype == Type.ANY
          ? ZoneAnswer.of(ptr, List.of())
          : ZoneAnswer.NODATA;
    }
    Map<Integer, List<Record>> node = fixed.get(qname);
    if (node != null) {
      return answer(node, qtype, fixed);
    }
    int relative = qname.labels() - zone.labels();
    if (relative >= 2 && "svc".equalsIgnoreCase(qname.getLabelString(relative - 1))) {
      Map<String, ServiceFragment> services = namespaces.get(label(qname, relative - 2));
      if (services == null) {
        return ZoneAnswer.NXDOMAIN;
      }
      if (relative == 2) {
        return ZoneAnswer.NODATA;
      }
      ServiceFragment service = services.get(label(qname, relative - 3));
      node = service == null ? null : service.nodes.get(qname);
      return node == null ? ZoneAnswer.NXDOMAIN : answer(node, qtype, service.nodes);
    }
    return pods.lookup(qname, qtype);
  }

  private static String label(Name name, int index) {
    return name.getLabelString(index).toLowerCase(Locale.ROOT);
  }

  private static ZoneAnswer answer(
      Map<Integer, List<Record>> node, int qtype, Map<Name, Map<Integer, List<Record>>> scope) {
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
    return ZoneAnswer.of(rrset, additional(rrset, scope));
  }

  /** A/AAAA records of SRV or NS targets (which live in the same scope as the rrset). */
  private static List<Record> additional(
      List<Record> rrset, Map<Name, Map<Integer, List<Record>>> scope) {
    int type = rrset.get(0).getType();
    if (type != Type.SRV && type != Type.NS) {
      return List.of();
    }
    Set<Record> extra = new LinkedHashSet<>();
    for (Record record : rrset) {
      Name target =
          record instanceof SRVRecord srv ? srv.getTarget() : ((NSRecord) record).getTarget();
      Map<Integer, List<Record>> node = scope.get(target);
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

  PodRecords pods() {
    return pods;
  }

  /** Number of Services with records. */
  public int services() {
    return namespaces.values().stream().mapToInt(Map::size).sum();
  }
}
