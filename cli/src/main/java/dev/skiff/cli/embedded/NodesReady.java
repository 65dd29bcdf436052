package dev.skiff.cli.embedded;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Readiness;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;

/** Waits until a number of nodes report Ready=True, polling the API every 25 ms. */
final class NodesReady {
  private NodesReady() {}

  static Future<Void> await(Vertx vertx, KubeClient client, int expected, Duration timeout) {
    return Polling.until(
        vertx,
        timeout,
        () ->
            client
                .list(Node.class, null, ListOptions.none())
                .transform(
                    result -> {
                      long ready =
                          result.succeeded()
                              ? result.result().items.stream().filter(NodesReady::isReady).count()
                              : 0;
                      return Future.succeededFuture(
                          ready >= expected
                              ? Optional.<String>empty()
                              : Optional.of(
                                  "only "
                                      + ready
                                      + " of "
                                      + expected
                                      + " node(s) became Ready in time"
                                      + (result.failed()
                                          ? ": " + result.cause().getMessage()
                                          : "")));
                    }));
  }

  private static boolean isReady(Node node) {
    return Readiness.isReady(node);
  }
}
