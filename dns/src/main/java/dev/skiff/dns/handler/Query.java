package dev.skiff.dns.handler;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** One question, as the handlers see it. The name keeps the case the client sent. */
public record Query(Name name, int type, int dclass) {

  public static Query of(Record question) {
    return new Query(question.getName(), question.getType(), question.getDClass());
  }

  public static Query in(Name name, int type) {
    return new Query(name, type, DClass.IN);
  }

  public Record question() {
    return Record.newRecord(name, type, dclass);
  }
}
