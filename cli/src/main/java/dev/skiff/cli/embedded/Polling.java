package dev.skiff.cli.embedded;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for a condition of the starting cluster by checking it every {@value #INTERVAL_MILLIS} ms
 * (a timer between checks, never a blocked thread).
 */
final class Polling {
  private static final long INTERVAL_MILLIS = 25;

  private Polling() {}

  /**
   * Completes once {@code check} answers empty; fails with the reason of its last answer when
   * {@code timeout} has passed.
   */
  static Future<Void> until(
      Vertx vertx, Duration timeout, Supplier<Future<Optional<String>>> check) {
    Promise<Void> done = Promise.promise();
    poll(vertx, System.nanoTime() + timeout.toNanos(), check, done);
    return done.future();
  }

  private static void poll(
      Vertx vertx, long deadline, Supplier<Future<Optional<String>>> check, Promise<Void> done) {
    check
        .get()
        .onComplete(
            r -> {
              if (r.succeeded() && r.result().isEmpty()) {
                done.complete();
              } else if (System.nanoTime() > deadline) {
                done.fail(r.succeeded() ? r.result().get() : String.valueOf(r.cause()));
              } else {
                vertx.setTimer(INTERVAL_MILLIS, t -> poll(vertx, deadline, check, done));
              }
            });
  }
}
