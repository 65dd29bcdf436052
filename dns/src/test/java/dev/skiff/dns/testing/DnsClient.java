package dev.skiff.dns.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** dnsjava's resolver pointed at a server on 127.0.0.1, over UDP or TCP. */
public final class DnsClient {
  private final SimpleResolver resolver;

  private DnsClient(int port, boolean tcp, boolean ignoreTruncation, Integer ednsPayload) {
    try {
      resolver = new SimpleResolver("127.0.0.1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    resolver.setPort(port);
    resolver.setTCP(tcp);
    resolver.setIgnoreTruncation(ignoreTruncation);
    resolver.setTimeout(Duration.ofSeconds(3));
    if (ednsPayload == null && ignoreTruncation) {
      resolver.setEDNS(-1, 0, 0, List.of()); // plain DNS: 512-byte UDP answers
    } else if (ednsPayload != null) {
      resolver.setEDNS(0, ednsPayload, 0, List.of());
    }
  }

  public static DnsClient udp(int port) {
    return new DnsClient(port, false, false, null);
  }

  public static DnsClient tcp(int port) {
    return new DnsClient(port, true, false, null);
  }

  /**
   * UDP without EDNS (512-byte answers) that reports truncated answers instead of retrying over
   * TCP.
   */
  public static DnsClient udpNoRetry(int port) {
    return new DnsClient(port, false, true, null);
  }

  public static DnsClient udpWithEdns(int port, int payload) {
    return new DnsClient(port, false, true, payload);
  }

  public SimpleResolver resolver() {
    return resolver;
  }

  public Message query(String name, int type) {
    return send(
        Message.newQuery(Record.newRecord(Name.fromConstantString(abs(name)), type, DClass.IN)));
  }

  public Message send(Message query) {
    try {
      return resolver.send(query);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rdata of the answer section, in order. */
  public static List<String> answers(Message response) {
    return response.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
  }

  public static List<String> answers(Message response, int type) {
    return response.getSection(Section.ANSWER).stream()
        .filter(r -> r.getType() == type)
        .map(Record::rdataToString)
        .toList();
  }

  public static String type(int type) {
    return Type.string(type);
  }

  private static String abs(String name) {
    return name.endsWith(".") ? name : name + ".";
  }
}
