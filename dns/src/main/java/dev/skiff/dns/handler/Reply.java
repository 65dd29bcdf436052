package dev.skiff.dns.handler;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/**
 * A handler's answer: response code and sections, without header or question (the server adds
 * those).
 *
 * @param rcode the response code (may be an extended one, such as BADVERS)
 * @param authoritative whether the AA bit is set
 * @param answers the answer section
 * @param authority the authority section (the SOA of negative answers)
 * @param additional the additional section
 * @param cacheable whether the rendered response may be reused for an identical query until the
 *     zone changes (true only for answers computed from the zone alone)
 */
public record Reply(
    int rcode,
    boolean authoritative,
    List<Record> answers,
    List<Record> authority,
    List<Record> additional,
    boolean cacheable) {

  public static Reply error(int rcode) {
    return new Reply(rcode, false, List.of(), List.of(), List.of(), false);
  }

  public static Reply servfail() {
    return error(Rcode.SERVFAIL);
  }

  /** Prepends records to the answer section (a CNAME before what its target resolved to). */
  public Reply prependAnswers(List<Record> first, boolean stillAuthoritative) {
    List<Record> all = new ArrayList<>(first.size() + answers.size());
    all.addAll(first);
    all.addAll(answers);
    return new Reply(rcode, authoritative && stillAuthoritative, all, authority, additional, false);
  }
}
