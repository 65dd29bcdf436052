package dev.skiff.dns.zone;

import java.net.InetAddress;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;

/**
 * Synthesizes the records of one Service (Kubernetes DNS specification 1.1.0, sections 2.3 to 2.5):
 * A/AAAA, SRV for named ports, PTR, CNAME for ExternalName. Pure: no state, no I/O.
 */
final class ServiceRecordSynthesizer {
  static final int SRV_PRIORITY = 0;
  static final int SRV_WEIGHT = 100;

  private ServiceRecordSynthesizer() {}

  static List<Record> synthesize(
      ServiceEntry service, Collection<EndpointSliceEntry> slices, ZoneOptions options) {
    Name base = serviceName(service, options.zone());
    if (base == null) {
      return List.of();
    }
    long ttl = options.ttl();
    if (service.type() == ServiceType.EXTERNAL_NAME) {
      Name target = externalTarget(service.externalName());
      return target == null ? List.of() : List.of(new CNAMERecord(base, DClass.IN, ttl, target));
    }
    Set<Record> records = new LinkedHashSet<>();
    if (service.headless()) {
      headless(service, slices, base, ttl, records);
    } else {
      clusterIp(service, base, ttl, records);
    }
    return List.copyOf(records);
  }

  private static void clusterIp(ServiceEntry service, Name base, long ttl, Set<Record> out) {
    boolean any = false;
    for (String ip : service.clusterIPs()) {
      InetAddress address = Addresses.parse(ip);
      if (address != null) {
        any = true;
        out.add(Addresses.addressRecord(base, ttl, address));
        out.add(new PTRRecord(ReverseMap.fromAddress(address), DClass.IN, ttl, base));
      }
    }
    if (!any) {
      return; // no ClusterIP allocated yet: the name does not exist yet
    }
    for (PortEntry port : service.ports()) {
      Name owner = port.named() ? child(port.srvPrefix(), base) : null;
      if (owner != null) {
        out.add(srv(owner, ttl, port.port(), base));
      }
    }
  }

  private static void headless(
      ServiceEntry service,
      Collection<EndpointSliceEntry> slices,
      Name base,
      long ttl,
      Set<Record> out) {
    for (EndpointSliceEntry slice : slices) {
      for (EndpointEntry endpoint : slice.endpoints()) {
        InetAddress address = Addresses.parse(endpoint.ip());
        if (address == null || !(endpoint.ready() || service.publishNotReadyAddresses())) {
          continue;
        }
        Name host = child(endpoint.dnsLabel().toLowerCase(Locale.ROOT), base);
        out.add(Addresses.addressRecord(base, ttl, address));
        if (host == null) {
          continue;
        }
        out.add(Addresses.addressRecord(host, ttl, address));
        out.add(new PTRRecord(ReverseMap.fromAddress(address), DClass.IN, ttl, host));
        List<PortEntry> ports = endpoint.ports().isEmpty() ? service.ports() : endpoint.ports();
        for (PortEntry port : ports) {
          Name owner = port.named() ? child(port.srvPrefix(), base) : null;
          if (owner != null) {
            out.add(srv(owner, ttl, port.port(), host));
          }
        }
      }
    }
  }

  private static Record srv(Name owner, long ttl, int port, Name target) {
    return new SRVRecord(owner, DClass.IN, ttl, SRV_PRIORITY, SRV_WEIGHT, port, target);
  }

  /** {@code <service>.<ns>.svc.<zone>}, or null if the names do not form a valid name. */
  static Name serviceName(ServiceEntry service, Name zone) {
    String relative = service.name() + "." + service.namespace() + ".svc";
    return child(relative.toLowerCase(Locale.ROOT), zone);
  }

  static Name child(String relative, Name parent) {
    try {
      return Name.concatenate(Name.fromString(relative), parent).canonicalize();
    } catch (TextParseException | org.xbill.DNS.NameTooLongException e) {
      return null;
    }
  }

  private static Name externalTarget(String externalName) {
    if (externalName == null || externalName.isBlank()) {
      return null;
    }
    String text = externalName.trim();
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      return null;
    }
  }
}
