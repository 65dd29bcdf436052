package dev.skiff.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.server.auth.ServingCertificate;
import dev.skiff.server.testing.TestApiServers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A blocking HTTP client for tests, sending the test token unless told otherwise. */
public final class Http {
  private final HttpClient client;
  private final String base;

  public record Reply(int code, String contentType, String body) {
    public JsonNode json() {
      return Json.parse(body, JsonNode.class);
    }
  }

  /** A client of replica {@code index}, trusting its serving certificate. */
  public static Http of(TestApiServers servers, int index) {
    return new Http(servers.url(index), servers.replica(index).server().options().certificate());
  }

  public Http(String base, ServingCertificate certificate) {
    this.base = base;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (certificate != null) {
      builder.sslContext(trusting(certificate));
    }
    this.client = builder.build();
  }

  private static SSLContext trusting(ServingCertificate certificate) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry(
          "skiff",
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(
                      certificate.certificatePem().getBytes(StandardCharsets.US_ASCII))));
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Reply get(String path) {
    return send(request(path).GET().build());
  }

  public Reply get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET().build());
  }

  public Reply send(String method, String path, String contentType, String body) {
    HttpRequest.Builder b = request(path);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(
        b.method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + TestApiServers.TOKEN);
  }

  public HttpRequest.Builder unauthenticated(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
  }

  public HttpClient client() {
    return client;
  }
}
