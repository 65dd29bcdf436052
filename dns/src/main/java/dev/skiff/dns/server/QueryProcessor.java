package dev.skiff.dns.server;

import dev.skiff.dns.handler.DnsHandler;
import dev.skiff.dns.handler.DnsQuery;
import dev.skiff.dns.handler.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.vertx.core.Future;
import java.util.function.LongSupplier;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Turns a query packet into a response packet: parses it with dnsjava, validates it, runs the
 * handler chain and renders the reply within the transport's size limit (setting TC when a UDP
 * answer does not fit). Malformed packets get FORMERR, or nothing when not even a header can be
 * read; no input makes it throw. Plain UDP queries the zone answered are served from a cache of
 * rendered responses.
 */
public final class QueryProcessor {
  /** The EDNS payload size this server advertises and the cap on what it honours. */
  public static final int MAX_UDP_PAYLOAD = 4096;

  private static final int MIN_UDP_PAYLOAD = 512;
  private static final int MAX_TCP_MESSAGE = 65535;

  private final DnsHandler chain;
  private final LongSupplier zoneVersion;
  private final ResponseCache cache;

  /**
   * @param chain the handler chain
   * @param zoneVersion the version of the zone the chain answers from; responses marked cacheable
   *     are reused until it changes
   */
  public QueryProcessor(DnsHandler chain, LongSupplier zoneVersion) {
    this.chain = chain;
    this.zoneVersion = zoneVersion;
    this.cache = new ResponseCache(zoneVersion, 100_000);
  }

  /** The response to a UDP query, when a rendered one is at hand; else null. Never throws. */
  public byte[] cached(byte[] packet) {
    WireKey key = WireKey.of(packet);
    byte[] template = key == null ? null : cache.get(key);
    return template == null ? null : key.render(template, packet);
  }

  /** Like {@link #cached(byte[])}, rendered into a buffer of the allocator; null on a miss. */
  public ByteBuf cached(byte[] packet, ByteBufAllocator allocator) {
    WireKey key = WireKey.of(packet);
    byte[] template = key == null ? null : cache.get(key);
    return template == null ? null : key.render(template, packet, allocator);
  }

  /** The response to a query; a null result means: send nothing. Never fails. */
  public Future<byte[]> process(byte[] packet, DnsTransport transport) {
    try {
      return answer(packet, transport);
    } catch (RuntimeException e) {
      return Future.succeededFuture(Responses.headerOnly(packet, Rcode.SERVFAIL));
    }
  }

  private Future<byte[]> answer(byte[] packet, DnsTransport transport) {
    if (packet.length < 12 || (packet[2] & 0x80) != 0) {
      return Future.succeededFuture(null); // no header, or a response: never answer those
    }
    Message request;
    try {
      request = new Message(packet);
    } catch (Exception e) {
      return Future.succeededFuture(Responses.headerOnly(packet, Rcode.FORMERR));
    }
    int limit = limit(request, transport);
    Reply refusal = validate(request);
    if (refusal != null) {
      return Future.succeededFuture(Responses.render(request, refusal, limit));
    }
    long version = zoneVersion.getAsLong();
    Record question = request.getQuestion();
    return chain
        .handle(DnsQuery.of(question))
        .otherwise(e -> Reply.servfail())
        .map(
            reply -> {
              byte[] response = Responses.render(request, reply, limit);
              if (reply.cacheable() && transport == DnsTransport.UDP) {
                WireKey key = WireKey.of(packet);
                if (key != null) {
                  cache.put(key, version, response);
                }
              }
              return response;
            });
  }

  /** A reply that refuses the request, or null when the chain should answer it. */
  private static Reply validate(Message request) {
    int opcode = request.getHeader().getOpcode();
    if (opcode != Opcode.QUERY) {
      return Reply.error(Rcode.NOTIMP);
    }
    if (request.getHeader().getCount(Section.QUESTION) != 1
        || request.getHeader().getCount(Section.ANSWER) != 0
        || request.getHeader().getCount(Section.AUTHORITY) != 0) {
      return Reply.error(Rcode.FORMERR);
    }
    OPTRecord opt = request.getOPT();
    if (opt != null && opt.getVersion() != 0) {
      return Reply.error(Rcode.BADVERS);
    }
    Record question = request.getQuestion();
    int type = question.getType();
    if (type == Type.AXFR
        || type == Type.IXFR
        || type == Type.OPT
        || type == Type.TSIG
        || type == Type.TKEY
        || type == Type.MAILA
        || type == Type.MAILB) {
      return Reply.error(Rcode.REFUSED);
    }
    if (question.getDClass() != DClass.IN) {
      return Reply.error(Rcode.REFUSED);
    }
    return null;
  }

  private static int limit(Message request, DnsTransport transport) {
    if (transport == DnsTransport.TCP) {
      return MAX_TCP_MESSAGE;
    }
    OPTRecord opt = request.getOPT();
    if (opt == null) {
      return MIN_UDP_PAYLOAD;
    }
    return Math.max(MIN_UDP_PAYLOAD, Math.min(opt.getPayloadSize(), MAX_UDP_PAYLOAD));
  }
}
