package dev.skiff.dns.server;

import dev.skiff.dns.handler.Reply;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Renders replies as response packets. */
final class Responses {
  private Responses() {}

  /** A response to a request: its ID, opcode, RD and question, the reply's sections. */
  static byte[] render(Message request, Reply reply, int limit) {
    Header requestHeader = request.getHeader();
    Message response = new Message(requestHeader.getID());
    Header header = response.getHeader();
    header.setFlag(Flags.QR);
    header.setFlag(Flags.RA);
    header.setOpcode(requestHeader.getOpcode());
    if (requestHeader.getFlag(Flags.RD)) {
      header.setFlag(Flags.RD);
    }
    if (requestHeader.getFlag(Flags.CD)) {
      header.setFlag(Flags.CD);
    }
    if (reply.authoritative()) {
      header.setFlag(Flags.AA);
    }
    header.setRcode(reply.rcode() & 0xF);
    Record question = request.getQuestion();
    if (question != null) {
      response.addRecord(question, Section.QUESTION);
    }
    reply.answers().forEach(r -> response.addRecord(r, Section.ANSWER));
    reply.authority().forEach(r -> response.addRecord(r, Section.AUTHORITY));
    reply.additional().forEach(r -> response.addRecord(r, Section.ADDITIONAL));
    if (request.getOPT() != null) {
      response.addRecord(
          new OPTRecord(QueryProcessor.MAX_UDP_PAYLOAD, reply.rcode() >>> 4, 0, 0),
          Section.ADDITIONAL);
    }
    return response.toWire(limit);
  }

  /**
   * A bare response (no question) to a packet that could not be parsed: its ID and opcode, the
   * given rcode. The packet must be at least a header long.
   */
  static byte[] headerOnly(byte[] packet, int rcode) {
    if (packet.length < Header.LENGTH) {
      return null;
    }
    byte[] response = new byte[Header.LENGTH];
    response[0] = packet[0];
    response[1] = packet[1];
    response[2] = (byte) (0x80 | (packet[2] & 0x79)); // QR, opcode, RD
    response[3] = (byte) (0x80 | (rcode & 0xF)); // RA, rcode
    return response;
  }
}
