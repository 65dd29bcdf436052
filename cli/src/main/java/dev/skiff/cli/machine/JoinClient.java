package dev.skiff.cli.machine;

import dev.skiff.api.Json;
import dev.skiff.server.auth.ClusterCa;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The joining side: fetches the cluster CA from {@code server} and accepts it only if its
 * fingerprint is the token's (the one request sent before anything is verified, carrying no
 * secret), then sends the join request over TLS verified against that CA. Blocking (start-up, main
 * thread).
 */
public final class JoinClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final URI server;
  private final JoinToken token;

  public JoinClient(String server, JoinToken token) {
    this.server =
        URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
    this.token = token;
    if (!"https".equals(this.server.getScheme())) {
      throw new IllegalArgumentException("the server URL must be https://HOST:PORT: " + server);
    }
  }

  /** The cluster CA, verified against the token's fingerprint. */
  public String caCertificate() throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(unverified(), HttpRequest.newBuilder(server.resolve(JoinMessages.CACERTS_PATH)).GET());
    if (response.statusCode() != 200) {
      throw new IOException(
          server + " is not a Skiff server (" + response.statusCode() + " for the CA)");
    }
    String pem = response.body();
    String fingerprint = ClusterCa.fingerprint(pem);
    if (!fingerprint.equals(token.caFingerprint())) {
      throw new IOException(
          "the server's CA "
              + fingerprint
              + " is not the one the join token names ("
              + token.caFingerprint()
              + "): refusing to join");
    }
    return pem;
  }

  /** Joins as {@code role}; the grant comes back as {@code type}. */
  public <T> T join(String caPem, JoinMessages.Request request, Class<T> type)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            trusting(caPem),
            HttpRequest.newBuilder(server.resolve(JoinMessages.JOIN_PATH))
                .header("Authorization", "Bearer " + token.secret())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.toString(request))));
    if (response.statusCode() == 401) {
      throw new IOException("the server refused the join token (401 Unauthorized)");
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "joining failed: " + response.statusCode() + " " + message(response.body()));
    }
    return Json.parse(response.body().getBytes(StandardCharsets.UTF_8), type);
  }

  private static String message(String body) {
    try {
      return Json.mapper().readTree(body).path("message").asText(body);
    } catch (IOException e) {
      return body;
    }
  }

  private HttpResponse<String> send(SSLContext tls, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(TIMEOUT).build();
    return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** TLS that trusts only the cluster CA (and checks the server's address against its SANs). */
  static SSLContext trusting(String caPem) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      X509Certificate ca =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
      store.setCertificateEntry("skiff-ca", ca);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot trust the cluster CA", e);
    }
  }

  /** For the CA download only: its answer is checked against the token's fingerprint. */
  private static SSLContext unverified() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          null,
          new TrustManager[] {
            new X509TrustManager() {
              @Override
              public void checkClientTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public void checkServerTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
              }
            }
          },
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
