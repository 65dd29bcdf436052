package dev.skiff.dns.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

/**
 * DNS over TCP on one connection (RFC 7766): messages framed by a two-byte length, several queries
 * per connection, answered as they complete. A zero length closes the connection.
 */
final class TcpFraming {
  private final NetSocket socket;
  private final QueryProcessor processor;
  private final RecordParser parser;
  private boolean expectLength = true;

  TcpFraming(NetSocket socket, QueryProcessor processor) {
    this.socket = socket;
    this.processor = processor;
    this.parser = RecordParser.newFixed(2, this::onRecord);
  }

  void start() {
    socket.handler(parser);
    socket.exceptionHandler(e -> socket.close());
  }

  private void onRecord(Buffer record) {
    if (expectLength) {
      int length = record.getUnsignedShort(0);
      if (length == 0) {
        socket.close();
        return;
      }
      expectLength = false;
      parser.fixedSizeMode(length);
      return;
    }
    expectLength = true;
    parser.fixedSizeMode(2);
    processor
        .process(record.getBytes(), DnsTransport.TCP)
        .onSuccess(
            response -> {
              if (response == null) {
                socket.close();
                return;
              }
              Buffer framed = Buffer.buffer(response.length + 2);
              framed.appendUnsignedShort(response.length).appendBytes(response);
              socket.write(framed);
            });
  }
}
