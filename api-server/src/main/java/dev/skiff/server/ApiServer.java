package dev.skiff.server;

import dev.skiff.api.files.PrivateFiles;
import dev.skiff.server.alloc.AllocationOptions;
import dev.skiff.server.auth.ServingCertificate;
import dev.skiff.server.cluster.ClusteredVertx;
import dev.skiff.server.cluster.HazelcastConfigs;
import dev.skiff.server.controller.ControlPlane;
import dev.skiff.server.controller.ControllerOptions;
import dev.skiff.server.controller.kubernetes.KubernetesServiceOptions;
import dev.skiff.server.store.HzStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one api-server replica: a Hazelcast member (joining the configured members), its HzStore,
 * and the HTTP verticle. See {@link ApiServerCommandLine} for the options.
 */
public final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private ApiServer() {}

  public static void main(String[] args) throws Exception {
    ApiServerCommandLine line;
    try {
      line = ApiServerCommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("skiff api-server: " + e.getMessage());
      System.exit(2);
      return;
    }
    String token = line.token() != null ? line.token() : token(line.dataDir());
    ApiServerOptions options =
        // no certificate until the one for this bind address is set below
        ApiServerOptions.defaults(token, null)
            .withHost(line.bind())
            .withPort(line.port())
            .withCertificate(certificate(line))
            .withKubeconfigOut(line.kubeconfigOut());
    start(options, line)
        .onSuccess(url -> LOG.info("api-server serving at {}", url))
        .onFailure(
            e -> {
              LOG.error("api-server failed to start", e);
              System.exit(1);
            });
  }

  /**
   * Starts member, store, the HTTP verticle (with Service allocation and the GC's deletion hook)
   * and the controllers; completes with the server's URL.
   */
  static Future<String> start(ApiServerOptions options, ApiServerCommandLine line) {
    return ClusteredVertx.start(HazelcastConfigs.replica(line.cluster()))
        .compose(
            clustered -> {
              Vertx vertx = clustered.vertx();
              ControlPlane plane =
                  new ControlPlane(
                      clustered.hazelcast(), AllocationOptions.defaults(), Clock.systemUTC());
              // Off the event loop: with a data dir, the store loads from disk as it is built.
              return vertx
                  .executeBlocking(() -> new HzStore(vertx, clustered.hazelcast()))
                  .compose(
                      store ->
                          store.ready().compose(v -> plane.rebuild(vertx, store)).map(v -> store))
                  .compose(
                      store -> {
                        ApiServerVerticle verticle =
                            new ApiServerVerticle(store, plane.apply(options));
                        return vertx.deployVerticle(verticle).map(id -> verticle);
                      })
                  .compose(
                      verticle ->
                          vertx
                              .executeBlocking(
                                  () ->
                                      ControlPlane.localClient(
                                          vertx, verticle.url(), options.token()))
                              .compose(
                                  client ->
                                      plane
                                          .startKubernetesService(
                                              vertx,
                                              client,
                                              KubernetesServiceOptions.of(
                                                  advertiseAddress(options.host()),
                                                  verticle.actualPort(),
                                                  AllocationOptions.defaults()
                                                      .serviceCidr()
                                                      .cidr()),
                                              Clock.systemUTC())
                                          .compose(
                                              k ->
                                                  plane.startControllers(
                                                      vertx, client, ControllerOptions.defaults())))
                              .map(
                                  manager -> {
                                    verticle.metrics().add(manager::scrape);
                                    return verticle.url();
                                  }));
            });
  }

  /** The ClusterIP of {@code default/kubernetes} with the default service CIDR. */
  private static String defaultKubernetesIp() {
    return dev.skiff.server.alloc.Ipv4Range.parse(AllocationOptions.defaults().serviceCidr().cidr())
        .valueAt(0);
  }

  /** The address clients reach a server bound to {@code host} at. */
  static String advertiseAddress(String host) {
    return host.equals("0.0.0.0") || host.equals("localhost") ? "127.0.0.1" : host;
  }

  /** The given certificate, the one kept in the data dir (created on first start), or a new one. */
  static ServingCertificate certificate(ApiServerCommandLine line) throws IOException {
    if (line.insecureHttp()) {
      return null;
    }
    if (line.tlsCertFile() != null) {
      return new ServingCertificate(
          Files.readString(line.tlsCertFile()), Files.readString(line.tlsKeyFile()));
    }
    if (line.dataDir() == null) {
      return ApiServerOptions.selfSigned(line.bind(), List.of(defaultKubernetesIp()));
    }
    Path cert = line.dataDir().resolve("serving-cert.pem");
    Path key = line.dataDir().resolve("serving-key.pem");
    if (Files.exists(cert) && Files.exists(key)) {
      return new ServingCertificate(Files.readString(cert), Files.readString(key));
    }
    ServingCertificate created =
        ApiServerOptions.selfSigned(line.bind(), List.of(defaultKubernetesIp()));
    PrivateFiles.writeString(key, created.privateKeyPem());
    PrivateFiles.writeString(cert, created.certificatePem());
    return created;
  }

  /** The token kept in the data dir (created on first start), or a fresh random one. */
  static String token(Path dataDir) throws IOException {
    if (dataDir == null) {
      return randomToken();
    }
    Path file = dataDir.resolve("token");
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    String token = randomToken();
    PrivateFiles.writeString(file, token);
    return token;
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
