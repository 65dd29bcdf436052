package dev.skiff.cli.embedded;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Node;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;

/** Waits until a number of nodes report Ready=True, polling the API every 25 ms. */
final class NodesReady {
  private NodesReady() {}

  static Future<Void> await(Vertx vertx, KubeClient client, int expected, Duration timeout) {
    Promise<Void> done = Promise.promise();
    long deadline = System.nanoTime() + timeout.toNanos();
    poll(vertx, client, expected, deadline, done);
    return done.future();
  }

  private static void poll(
      Vertx vertx, KubeClient client, int expected, long deadline, Promise<Void> done) {
    client
        .list(Node.class, null, ListOptions.none())
        .onComplete(
            result -> {
              long ready =
                  result.succeeded()
                      ? result.result().items.stream().filter(NodesReady::isReady).count()
                      : 0;
              if (ready >= expected) {
                done.complete();
              } else if (System.nanoTime() > deadline) {
                done.fail(
                    "only "
                        + ready
                        + " of "
                        + expected
                        + " node(s) became Ready in time"
                        + (result.failed() ? ": " + result.cause().getMessage() : ""));
              } else {
                vertx.setTimer(25, t -> poll(vertx, client, expected, deadline, done));
              }
            });
  }

  private static boolean isReady(Node node) {
    return node.status != null
        && node.status.conditions != null
        && node.status.conditions.stream()
            .anyMatch(c -> "Ready".equals(c.type) && "True".equals(c.status));
  }
}
