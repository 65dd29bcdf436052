package dev.skiff.cli.embedded.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The few Docker Engine API calls the CLI makes itself (checks before {@code skiff up}, cleanup in
 * {@code skiff down}): plain blocking HTTP/1.0 over the engine's unix socket, no event loop needed.
 */
public final class DockerEngine {
  private static final String VERSION = "/v1.41";
  private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(30);

  private final Path socket;

  public DockerEngine(Path socket) {
    this.socket = socket;
  }

  /** {@code $DOCKER_HOST} if it names a unix socket, else {@code /var/run/docker.sock}. */
  public static Path defaultSocket() {
    String host = System.getenv("DOCKER_HOST");
    if (host != null && host.startsWith("unix://")) {
      return Path.of(host.substring("unix://".length()));
    }
    return Path.of(dev.skiff.agent.DockerOptions.DEFAULT_SOCKET);
  }

  public Path socket() {
    return socket;
  }

  /** An engine answer: HTTP status and body. */
  public record Response(int status, String body) {
    boolean ok() {
      return status / 100 == 2;
    }

    JsonNode json() throws IOException {
      return Json.mapper().readTree(body);
    }
  }

  /** Fails with the reason the engine cannot be reached. */
  public void ping() throws IOException {
    Response r = call("GET", "/_ping");
    if (!r.ok()) {
      throw new IOException("the Docker engine answered " + r.status() + " to /_ping");
    }
  }

  public boolean hasImage(String image) throws IOException {
    return call("GET", "/images/" + image + "/json").ok();
  }

  /** Ids of every container (running or not) carrying {@code label=value}. */
  public List<String> containers(String label, String value) throws IOException {
    return ids(call("GET", "/containers/json?all=1&filters=" + labelFilter(label, value)));
  }

  /** Ids of the networks carrying {@code label=value}. */
  public List<String> networks(String label, String value) throws IOException {
    return ids(call("GET", "/networks?filters=" + labelFilter(label, value)));
  }

  /** Force-removes a container with its anonymous volumes; true if it existed. */
  public boolean removeContainer(String id) throws IOException {
    return removed(call("DELETE", "/containers/" + id + "?force=1&v=1"), id);
  }

  /** Removes a network (by id or name); true if it existed. */
  public boolean removeNetwork(String idOrName) throws IOException {
    return removed(call("DELETE", "/networks/" + idOrName), idOrName);
  }

  private static boolean removed(Response r, String what) throws IOException {
    if (r.status() == 404) {
      return false;
    }
    if (!r.ok()) {
      throw new IOException("cannot remove " + what + ": " + r.status() + " " + r.body().strip());
    }
    return true;
  }

  private static List<String> ids(Response r) throws IOException {
    if (!r.ok()) {
      throw new IOException("Docker engine: " + r.status() + " " + r.body().strip());
    }
    List<String> ids = new ArrayList<>();
    r.json().forEach(item -> ids.add(item.path("Id").asText()));
    return ids;
  }

  private static String labelFilter(String label, String value) {
    String filter = "{\"label\":[\"" + label + "=" + value + "\"]}";
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  /** One request; an engine that does not answer within {@link #TIMEOUT} fails it. */
  Response call(String method, String path) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Watchdog watchdog = new Watchdog(channel)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      String request = method + " " + VERSION + path + " HTTP/1.0\r\nHost: docker\r\n\r\n";
      channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      InputStream in = Channels.newInputStream(channel);
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int headerEnd = answer.indexOf("\r\n\r\n");
      String[] statusLine = answer.substring(0, Math.max(0, answer.indexOf("\r\n"))).split(" ");
      if (headerEnd < 0 || statusLine.length < 2) {
        throw new IOException("not an HTTP answer from " + socket);
      }
      return new Response(Integer.parseInt(statusLine[1]), answer.substring(headerEnd + 4));
    } catch (java.nio.channels.AsynchronousCloseException e) {
      throw new IOException(
          "the Docker engine at "
              + socket
              + " did not answer within "
              + TIMEOUT.toSeconds()
              + " s");
    }
  }

  /** Closes a channel that is still open after {@link #TIMEOUT} (unblocking its reader). */
  private static final class Watchdog implements AutoCloseable {
    private final Thread thread;

    Watchdog(SocketChannel channel) {
      thread =
          new Thread(
              () -> {
                try {
                  Thread.sleep(TIMEOUT.toMillis());
                  channel.close();
                } catch (InterruptedException | IOException e) {
                  // the call finished first
                }
              },
              "skiff-docker-watchdog");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() {
      thread.interrupt();
    }
  }
}
