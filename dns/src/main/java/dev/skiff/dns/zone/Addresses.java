package dev.skiff.dns.zone;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** Address literals to records, without ever resolving a name. */
final class Addresses {
  private Addresses() {}

  /** The address of an IPv4 or IPv6 literal, or null if {@code text} is not one. */
  static InetAddress parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    byte[] bytes = Address.toByteArray(text, Address.IPv4);
    if (bytes == null) {
      bytes = Address.toByteArray(text, Address.IPv6);
    }
    if (bytes == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** An A or AAAA record for the address. */
  static Record addressRecord(Name owner, long ttl, InetAddress address) {
    return address.getAddress().length == 4
        ? new ARecord(owner, DClass.IN, ttl, address)
        : new AAAARecord(owner, DClass.IN, ttl, address);
  }
}
