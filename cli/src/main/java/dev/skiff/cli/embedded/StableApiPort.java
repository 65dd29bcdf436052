package dev.skiff.cli.embedded;

import dev.skiff.api.files.PrivateFiles;
import dev.skiff.server.ApiServerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The API server's port of a named cluster, kept in its directory ({@code api-port}): the same port
 * after {@code skiff down} / {@code skiff up}, so that kubeconfigs, merged ones included, keep
 * working. The first start takes any free port; a start that finds the port taken by another
 * program takes a new one and says so. A port asked for ({@code skiff up --api-port}) is used as it
 * is: taken, the start fails.
 */
final class StableApiPort {
  static final String FILE = "api-port";

  private final Path file;
  private final int requested;

  /** {@code requested}: the port to listen on, or 0 for the remembered (or any free) one. */
  StableApiPort(Path clusterDir, int requested) {
    this.file = clusterDir.resolve(FILE);
    this.requested = requested;
  }

  /**
   * Deploys {@code verticle} made for the remembered port (or any free port), falls back to any
   * free port, telling {@code notice} why, when another program holds the remembered one; completes
   * with the deployed verticle once its port is remembered.
   */
  Future<ApiServerVerticle> deploy(
      Vertx vertx, IntFunction<ApiServerVerticle> verticle, Consumer<String> notice) {
    return vertx
        .executeBlocking(this::remembered)
        .compose(
            port -> {
              ApiServerVerticle first = verticle.apply(port);
              return vertx
                  .deployVerticle(first)
                  .map(id -> first)
                  .recover(
                      e ->
                          port == 0 || requested != 0
                              ? Future.failedFuture(e)
                              : vertx
                                  .executeBlocking(() -> taken(port))
                                  .compose(
                                      taken ->
                                          taken
                                              ? anyPort(vertx, verticle, port, notice)
                                              : Future.failedFuture(e)));
            })
        .compose(
            deployed ->
                vertx.executeBlocking(
                    () -> {
                      PrivateFiles.writeString(file, deployed.actualPort() + "\n");
                      return deployed;
                    }));
  }

  private Future<ApiServerVerticle> anyPort(
      Vertx vertx, IntFunction<ApiServerVerticle> verticle, int port, Consumer<String> notice) {
    ApiServerVerticle next = verticle.apply(0);
    return vertx
        .deployVerticle(next)
        .map(
            id -> {
              notice.accept(
                  "the API server's port "
                      + port
                      + " is taken by another program: it now listens on "
                      + next.actualPort()
                      + " (the cluster's kubeconfig has the new port; run skiff kubeconfig"
                      + " --merge again for ~/.kube/config)");
              return next;
            });
  }

  private int remembered() throws IOException {
    if (requested != 0) {
      return requested;
    }
    if (!Files.exists(file)) {
      return 0;
    }
    try {
      return Integer.parseInt(Files.readString(file).strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** True if another socket holds {@code 127.0.0.1:port}. Blocking. */
  static boolean taken(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
