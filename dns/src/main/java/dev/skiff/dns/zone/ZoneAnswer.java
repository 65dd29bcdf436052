package dev.skiff.dns.zone;

import java.util.List;
import org.xbill.DNS.Record;

/**
 * The zone's answer to one question.
 *
 * @param kind what kind of answer this is
 * @param answers the answer section (may end in a CNAME whose target the caller may chase)
 * @param additional the additional section (A/AAAA of SRV targets)
 */
public record ZoneAnswer(Kind kind, List<Record> answers, List<Record> additional) {

  public enum Kind {
    /** Records found. */
    ANSWER,
    /** The name exists, but has no records of the asked type. */
    NODATA,
    /** The name does not exist in the zone. */
    NXDOMAIN,
    /** The name is outside what this zone answers for; the next handler should answer. */
    NOT_AUTHORITATIVE
  }

  static final ZoneAnswer NXDOMAIN = new ZoneAnswer(Kind.NXDOMAIN, List.of(), List.of());
  static final ZoneAnswer NODATA = new ZoneAnswer(Kind.NODATA, List.of(), List.of());
  static final ZoneAnswer NOT_AUTHORITATIVE =
      new ZoneAnswer(Kind.NOT_AUTHORITATIVE, List.of(), List.of());

  static ZoneAnswer of(List<Record> answers, List<Record> additional) {
    return new ZoneAnswer(Kind.ANSWER, answers, additional);
  }
}
