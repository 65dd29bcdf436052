package dev.skiff.api.client.vertx;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends an upgrade request over a raw connection and reads its answer's head, as kube-apiserver's
 * UpgradeAwareHandler dials the kubelet (the API server to node agents) and as the docker CLI
 * hijacks an exec or attach (the Docker runtime to the engine): an HTTP client would turn {@code
 * Connection: Upgrade} into {@code Connection: close}. After a 101 the connection is the tunnel,
 * paused, with no handlers; any other answer is read whole (by Content-Length, or to the end).
 */
public final class UpgradeDialer {
  private static final int MAX_HEAD = 64 * 1024;

  /**
   * The answer: status, headers, and either the tunnel (101; bytes after the head are in {@code
   * rest}) or the body.
   */
  public record Answer(int status, MultiMap headers, NetSocket tunnel, Buffer rest) {}

  private final NetClient client;

  /**
   * @param client the connections' client (TLS and its trust, timeouts)
   */
  public UpgradeDialer(NetClient client) {
    this.client = client;
  }

  /** To {@code host:port} (also the {@code Host} header), without a body. */
  public Future<Answer> dial(
      String host, int port, HttpMethod method, String uri, Map<String, Iterable<String>> headers) {
    return dial(
        SocketAddress.inetSocketAddress(port, host), host + ":" + port, method, uri, headers, null);
  }

  /**
   * To {@code server} (a TCP or unix domain socket address), with {@code body} (or null) sent after
   * the head with its Content-Length.
   */
  public Future<Answer> dial(
      SocketAddress server,
      String hostHeader,
      HttpMethod method,
      String uri,
      Map<String, Iterable<String>> headers,
      Buffer body) {
    return client
        .connect(server)
        .compose(socket -> exchange(socket, hostHeader, method, uri, headers, body));
  }

  private static Future<Answer> exchange(
      NetSocket socket,
      String hostHeader,
      HttpMethod method,
      String uri,
      Map<String, Iterable<String>> headers,
      Buffer body) {
    StringBuilder head = new StringBuilder();
    head.append(method.name()).append(' ').append(uri).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(hostHeader).append("\r\n");
    headers.forEach(
        (name, values) ->
            values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
    if (body != null) {
      head.append("Content-Length: ").append(body.length()).append("\r\n");
    }
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
    Buffer request = Buffer.buffer(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      request.appendBuffer(body);
    }
    socket.write(request);
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
