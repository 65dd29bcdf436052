package dev.skiff.dns.zone;

import java.net.InetAddress;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Pod records {@code a-b-c-d.<ns>.pod.<zone>} (specification section 2.6), synthesized from the
 * query name; IPv6 addresses use dashes for colons ({@code fd00--1.<ns>.pod.<zone>}).
 */
final class PodRecords {
  private final ZoneOptions options;
  private final Set<String> known = new HashSet<>();
  private final Set<String> namespaces = new HashSet<>();

  PodRecords(ZoneOptions options, Collection<PodEntry> pods) {
    this.options = options;
    if (options.pods() == PodMode.DISABLED) {
      return;
    }
    if (options.pods() == PodMode.VERIFIED) {
      for (PodEntry pod : pods) {
        for (String ip : pod.ips()) {
          InetAddress address = Addresses.parse(ip);
          if (address != null) {
            known.add(key(pod.namespace(), address));
            namespaces.add(pod.namespace().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
  }

  /** Answers a name in the zone that has no indexed records. */
  ZoneAnswer lookup(Name qname, int qtype) {
    int relative = qname.labels() - options.zone().labels();
    if (options.pods() == PodMode.DISABLED
        || relative < 1
        || relative > 3
        || !"pod".equalsIgnoreCase(qname.getLabelString(relative - 1))) {
      return ZoneAnswer.NXDOMAIN;
    }
    if (relative == 1) { // pod.<zone>
      return ZoneAnswer.NODATA;
    }
    if (relative == 2) { // <ns>.pod.<zone>
      boolean exists =
          options.pods() == PodMode.INSECURE
              || namespaces.contains(qname.getLabelString(0).toLowerCase(Locale.ROOT));
      return exists ? ZoneAnswer.NODATA : ZoneAnswer.NXDOMAIN;
    }
    InetAddress address = parseLabel(qname.getLabelString(0));
    String namespace = qname.getLabelString(1).toLowerCase(Locale.ROOT);
    if (address == null
        || (options.pods() == PodMode.VERIFIED && !known.contains(key(namespace, address)))) {
      return ZoneAnswer.NXDOMAIN;
    }
    int type = address.getAddress().length == 4 ? Type.A : Type.AAAA;
    if (qtype != type && qtype != Type.ANY) {
      return ZoneAnswer.NODATA;
    }
    Record record = Addresses.addressRecord(qname.canonicalize(), options.ttl(), address);
    return ZoneAnswer.of(List.of(record), List.of());
  }

  private static InetAddress parseLabel(String label) {
    byte[] bytes = null;
    if (label.chars().filter(c -> c == '-').count() == 3) {
      bytes = Address.toByteArray(label.replace('-', '.'), Address.IPv4);
    } else if (label.indexOf('-') >= 0) {
      bytes = Address.toByteArray(label.replace('-', ':'), Address.IPv6);
    }
    try {
      return bytes == null ? null : InetAddress.getByAddress(bytes);
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  private static String key(String namespace, InetAddress address) {
    return namespace.toLowerCase(Locale.ROOT) + "/" + address.getHostAddress();
  }
}
