package dev.skiff.dns.handler;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** One question, as the handlers see it. The name keeps the case the client sent. */
public record DnsQuery(Name name, int type, int dclass) {

  public static DnsQuery of(Record question) {
    return new DnsQuery(question.getName(), question.getType(), question.getDClass());
  }

  public static DnsQuery in(Name name, int type) {
    return new DnsQuery(name, type, DClass.IN);
  }

  public Record question() {
    return Record.newRecord(name, type, dclass);
  }
}
