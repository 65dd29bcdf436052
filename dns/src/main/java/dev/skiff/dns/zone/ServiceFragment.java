package dev.skiff.dns.zone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The records of one Service, ready to serve: the names under {@code <service>.<ns>.svc.<zone>}
 * (with their empty non-terminals, such as {@code _tcp.<service>...}) and the PTR records of its
 * addresses. Immutable.
 */
final class ServiceFragment {
  final Map<Name, Map<Integer, List<Record>>> nodes;
  final List<Record> ptr;

  private ServiceFragment(Map<Name, Map<Integer, List<Record>>> nodes, List<Record> ptr) {
    this.nodes = nodes;
    this.ptr = ptr;
  }

  static ServiceFragment of(List<Record> records, Name base) {
    Map<Name, Map<Integer, Set<Record>>> building = new HashMap<>();
    List<Record> ptr = new ArrayList<>();
    for (Record record : records) {
      if (record.getType() == Type.PTR && !record.getName().subdomain(base)) {
        ptr.add(record);
        continue;
      }
      Name owner = record.getName();
      building
          .computeIfAbsent(owner, n -> new HashMap<>())
          .computeIfAbsent(record.getType(), t -> new LinkedHashSet<>())
          .add(record);
    }
    for (Name owner : List.copyOf(building.keySet())) {
      for (int strip = 1; owner.labels() - strip > base.labels(); strip++) {
        building.putIfAbsent(new Name(owner, strip), new HashMap<>());
      }
    }
    Map<Name, Map<Integer, List<Record>>> nodes = new HashMap<>();
    building.forEach((name, rrsets) -> nodes.put(name, freeze(rrsets)));
    return new ServiceFragment(nodes, List.copyOf(ptr));
  }

  static Map<Integer, List<Record>> freeze(Map<Integer, Set<Record>> rrsets) {
    Map<Integer, List<Record>> frozen = new HashMap<>(4);
    rrsets.forEach((type, set) -> frozen.put(type, List.copyOf(set)));
    return frozen;
  }

  boolean isEmpty() {
    return nodes.isEmpty() && ptr.isEmpty();
  }
}
