package dev.skiff.api.client.internal;

import dev.skiff.api.client.Kubeconfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;

/**
 * HTTP/1.1 to one API server: keep-alive pools, bearer token, and error responses turned into
 * StatusExceptions. Short requests and long-lived streams (watches, log follows) use separate pools
 * so that a dozen open watches never starve ordinary calls.
 */
public final class Transport {
  /** Idle time after which a short request fails (ms). */
  private static final long REQUEST_IDLE_TIMEOUT_MS = 60_000;

  private static final long CONNECT_TIMEOUT_MS = 10_000;
  private static final int REQUEST_POOL = 16;
  private static final int STREAM_POOL = 256;

  private final HttpClientAgent requests;
  private final HttpClientAgent streams;
  private final String host;
  private final int port;
  private final boolean ssl;
  private final String basePath;
  private final String authorization;

  public Transport(Vertx vertx, Kubeconfig config) {
    URI uri = URI.create(config.server());
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("API server URL needs a host: " + config.server());
    }
    this.ssl = "https".equalsIgnoreCase(uri.getScheme());
    this.host = uri.getHost();
    this.port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String token = config.token();
    this.authorization = token == null || token.isBlank() ? null : "Bearer " + token.strip();
    this.requests = client(vertx, REQUEST_POOL, config);
    this.streams = client(vertx, STREAM_POOL, config);
  }

  private HttpClientAgent client(Vertx vertx, int poolSize, Kubeconfig config) {
    HttpClientOptions options =
        new HttpClientOptions()
            .setProtocolVersion(HttpVersion.HTTP_1_1)
            .setKeepAlive(true)
            .setPipelining(false)
            .setConnectTimeout((int) CONNECT_TIMEOUT_MS)
            .setTcpKeepAlive(true)
            .setSsl(ssl);
    if (ssl && config.insecureSkipTlsVerify()) {
      options.setTrustAll(true).setVerifyHost(false);
    } else if (ssl && config.certificateAuthorityPem() != null) {
      options.setTrustOptions(
          new PemTrustOptions().addCertValue(Buffer.buffer(config.certificateAuthorityPem())));
    }
    return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(poolSize));
  }

  /**
   * Sends one request and returns the whole body of a 2xx answer; any other answer fails with a
   * StatusException.
   */
  public Future<Buffer> request(HttpMethod method, String uri, String contentType, Buffer body) {
    return request(method, uri, null, contentType, body);
  }

  /**
   * {@link #request(HttpMethod, String, String, Buffer)} with another Accept header, e.g. for
   * meta.k8s.io Tables; {@code accept} null sends {@code application/json}.
   */
  public Future<Buffer> request(
      HttpMethod method, String uri, String accept, String contentType, Buffer body) {
    RequestOptions options =
        options(method, uri, contentType).setIdleTimeout(REQUEST_IDLE_TIMEOUT_MS);
    if (accept != null) {
      options.putHeader(HttpHeaders.ACCEPT, accept);
    }
    return requests
        .request(options)
        .compose(req -> sent(req, body).compose(resp -> whole(method, resp)));
  }

  /**
   * Opens a streaming GET. On 2xx the response comes back paused: set handlers, then resume. On any
   * other code the body is read and the future fails with a StatusException.
   */
  public Future<HttpClientResponse> stream(String uri) {
    RequestOptions options =
        options(HttpMethod.GET, uri, null).putHeader(HttpHeaders.ACCEPT, "application/json, */*");
    return streams
        .request(options)
        .compose(
            req ->
                sent(req, null)
                    .compose(
                        resp -> {
                          if (isSuccess(resp.statusCode())) {
                            return Future.succeededFuture(resp);
                          }
                          return whole(HttpMethod.GET, resp).map(failsAnyway -> resp);
                        }));
  }

  /**
   * Sends and pauses the response the moment its head arrives. Vert.x 5 pushes body chunks as soon
   * as the head is in, and drops them if no handler is set yet (eclipse-vertx/vert.x#5904, #5825);
   * a listener added to a derived future can run a tick too late. Pausing here, in the listener of
   * the send future itself, buffers the body until the caller reads it.
   */
  private static Future<HttpClientResponse> sent(HttpClientRequest req, Buffer body) {
    Promise<HttpClientResponse> head = Promise.promise();
    (body == null ? req.send() : req.send(body))
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                ar.result().pause();
                head.complete(ar.result());
              } else {
                head.fail(ar.cause());
              }
            });
    return head.future();
  }

  /** Reads a paused response whole: its body on 2xx, else a StatusException. */
  private static Future<Buffer> whole(HttpMethod method, HttpClientResponse resp) {
    Future<Buffer> bytes = resp.body();
    resp.resume();
    return bytes.compose(
        b ->
            isSuccess(resp.statusCode())
                ? Future.succeededFuture(b)
                : Future.failedFuture(StatusErrors.fromResponse(method, resp.statusCode(), b)));
  }

  public Future<Void> close() {
    return Future.join(requests.close(), streams.close()).mapEmpty();
  }

  private RequestOptions options(HttpMethod method, String uri, String contentType) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(method)
            .setHost(host)
            .setPort(port)
            .setSsl(ssl)
            .setURI(basePath + uri)
            .putHeader(HttpHeaders.ACCEPT, "application/json")
            .putHeader(HttpHeaders.USER_AGENT, "skiff-client/0.1");
    if (contentType != null) {
      options.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
    }
    if (authorization != null) {
      options.putHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
    return options;
  }

  private static boolean isSuccess(int code) {
    return code >= 200 && code < 300;
  }
}
