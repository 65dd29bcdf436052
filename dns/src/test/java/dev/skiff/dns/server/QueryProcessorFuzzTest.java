package dev.skiff.dns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.dns.handler.ClusterZoneHandler;
import dev.skiff.dns.handler.Reply;
import dev.skiff.dns.testing.SampleCluster;
import dev.skiff.dns.zone.ClusterZone;
import dev.skiff.dns.zone.ZoneOptions;
import io.vertx.core.Future;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Random and mutated packets, tens of thousands of them: the processor never throws, and every
 * response is a well-formed DNS response to the packet's ID.
 */
class QueryProcessorFuzzTest {
  private static final int ROUNDS = 20_000;
  private static ClusterZone zone;
  private static QueryProcessor processor;

  @BeforeAll
  static void start() {
    zone = ClusterZone.of(ZoneOptions.defaults(), SampleCluster.snapshot());
    processor =
        new QueryProcessor(
            new ClusterZoneHandler(zone, q -> Future.succeededFuture(Reply.error(Rcode.REFUSED))),
            () -> zone.index().version());
  }

  @AfterAll
  static void stop() {
    zone.close();
  }

  @Test
  void survivesRandomPackets() {
    Random random = new Random(42);
    for (int i = 0; i < ROUNDS; i++) {
      byte[] packet = new byte[random.nextInt(600)];
      random.nextBytes(packet);
      if (random.nextBoolean() && packet.length > 2) {
        packet[2] &= 0x7F; // look like a query more often
      }
      check(packet, random.nextBoolean() ? DnsTransport.UDP : DnsTransport.TCP);
    }
  }

  @Test
  void survivesMutatedQueries() {
    Random random = new Random(7);
    String[] names = {
      "web.default.svc.cluster.local.",
      "_pg._tcp.db.default.svc.cluster.local.",
      "big.default.svc.cluster.local.",
      "10-244-0-5.default.pod.cluster.local.",
      "20.0.96.10.in-addr.arpa.",
      "example.com."
    };
    int[] types = {Type.A, Type.AAAA, Type.SRV, Type.PTR, Type.ANY, Type.TXT, Type.CNAME};
    for (int i = 0; i < ROUNDS; i++) {
      Message query =
          Message.newQuery(
              Record.newRecord(
                  Name.fromConstantString(names[random.nextInt(names.length)]),
                  types[random.nextInt(types.length)],
                  DClass.IN));
      if (random.nextBoolean()) {
        query.addRecord(new OPTRecord(random.nextInt(65_536), 0, 0), Section.ADDITIONAL);
      }
      byte[] packet = mutate(query.toWire(), random);
      check(packet, random.nextBoolean() ? DnsTransport.UDP : DnsTransport.TCP);
      byte[] cached = processor.cached(packet);
      if (cached != null) {
        assertWellFormedResponse(packet, cached);
        io.netty.buffer.ByteBuf buffer =
            processor.cached(packet, io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
        assertThat(io.netty.buffer.ByteBufUtil.getBytes(buffer)).isEqualTo(cached);
        buffer.release();
      }
    }
  }

  private static byte[] mutate(byte[] packet, Random random) {
    byte[] out = packet.clone();
    switch (random.nextInt(5)) {
      case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length));
      case 2 -> {
        out = java.util.Arrays.copyOf(out, out.length + 1 + random.nextInt(40));
        for (int j = packet.length; j < out.length; j++) {
          out[j] = (byte) random.nextInt(256);
        }
      }
      case 3 -> {
        for (int j = 0; j < 1 + random.nextInt(4); j++) {
          out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
      }
      default -> out[4 + random.nextInt(8)] = (byte) random.nextInt(256); // section counts
    }
    return out;
  }

  private static void check(byte[] packet, DnsTransport transport) {
    Future<byte[]> result = processor.process(packet, transport);
    assertThat(result.succeeded()).as("completed synchronously and succeeded").isTrue();
    byte[] response = result.result();
    if (response != null) {
      assertWellFormedResponse(packet, response);
      if (transport == DnsTransport.UDP) {
        assertThat(response.length).isLessThanOrEqualTo(QueryProcessor.MAX_UDP_PAYLOAD);
      }
    } else {
      assertThat(packet.length < 12 || (packet[2] & 0x80) != 0)
          .as("only header-less packets and responses are dropped")
          .isTrue();
    }
  }

  private static void assertWellFormedResponse(byte[] packet, byte[] response) {
    Message parsed;
    try {
      parsed = new Message(response);
    } catch (java.io.IOException e) {
      throw new AssertionError("unparseable response", e);
    }
    assertThat(parsed.getHeader().getFlag(Flags.QR)).isTrue();
    assertThat(parsed.getHeader().getID())
        .isEqualTo(((packet[0] & 0xFF) << 8) | (packet[1] & 0xFF));
  }
}
