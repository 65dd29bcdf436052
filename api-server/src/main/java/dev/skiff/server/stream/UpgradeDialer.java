package dev.skiff.server.stream;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends an upgrade request to a node agent over a raw connection and reads its answer's head, as
 * kube-apiserver's UpgradeAwareHandler dials the kubelet: an HTTP client would turn {@code
 * Connection: Upgrade} into {@code Connection: close}. After a 101 the connection is the tunnel;
 * any other answer is read whole (by Content-Length, or to the end) and relayed.
 */
final class UpgradeDialer {
  private static final int MAX_HEAD = 64 * 1024;

  /** The agent's answer: status, headers, and either the tunnel (101) or the body. */
  record Answer(int status, MultiMap headers, NetSocket tunnel, Buffer rest) {}

  private final NetClient client;

  UpgradeDialer(Vertx vertx, NodeAccess access) {
    NetClientOptions options = new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(10_000);
    if (access != null) {
      options.setSsl(true).setTrustAll(true).setHostnameVerificationAlgorithm("");
    }
    this.client = vertx.createNetClient(options);
  }

  Future<Answer> dial(
      String host, int port, HttpMethod method, String uri, Map<String, Iterable<String>> headers) {
    return client
        .connect(port, host)
        .compose(socket -> exchange(socket, host, port, method, uri, headers));
  }

  private static Future<Answer> exchange(
      NetSocket socket,
      String host,
      int port,
      HttpMethod method,
      String uri,
      Map<String, Iterable<String>> headers) {
    StringBuilder head = new StringBuilder();
    head.append(method.name()).append(' ').append(uri).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(':').append(port).append("\r\n");
    headers.forEach(
        (name, values) ->
            values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
    head.append("\r\n");
    Promise<Answer> answer = Promise.promise();
    Buffer received = Buffer.buffer();
    int[] headEnd = {-1};
    socket.handler(
        chunk -> {
          received.appendBuffer(chunk);
          if (headEnd[0] < 0) {
            headEnd[0] = indexOfBlankLine(received);
            if (headEnd[0] < 0) {
              if (received.length() > MAX_HEAD) {
                socket.close();
                answer.tryFail("the node agent's answer has no end of head");
              }
              return;
            }
            Answer parsed = parse(received, headEnd[0], socket);
            if (parsed.status() == 101) {
              socket.pause();
              socket.handler(null);
              answer.tryComplete(parsed);
              return;
            }
          }
          Answer parsed = parse(received, headEnd[0], socket);
          String length = parsed.headers().get("Content-Length");
          if (length != null && parsed.rest().length() >= Integer.parseInt(length.trim())) {
            socket.close();
            answer.tryComplete(parsed);
          }
        });
    socket.endHandler(
        v -> {
          if (headEnd[0] >= 0) {
            answer.tryComplete(parse(received, headEnd[0], socket));
          } else {
            answer.tryFail("the node agent closed the connection");
          }
        });
    socket.exceptionHandler(e -> answer.tryFail(e));
    socket.write(Buffer.buffer(head.toString().getBytes(StandardCharsets.ISO_8859_1)));
    return answer.future();
  }

  private static Answer parse(Buffer received, int headEnd, NetSocket socket) {
    String[] lines =
        received.getString(0, headEnd, StandardCharsets.ISO_8859_1.name()).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : 502;
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
      }
    }
    return new Answer(status, headers, socket, received.getBuffer(headEnd + 4, received.length()));
  }

  private static int indexOfBlankLine(Buffer b) {
    for (int i = 0; i + 3 < b.length(); i++) {
      if (b.getByte(i) == '\r'
          && b.getByte(i + 1) == '\n'
          && b.getByte(i + 2) == '\r'
          && b.getByte(i + 3) == '\n') {
        return i;
      }
    }
    return -1;
  }
}
