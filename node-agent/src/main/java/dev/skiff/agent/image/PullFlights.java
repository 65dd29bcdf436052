package dev.skiff.agent.image;

import dev.skiff.agent.runtime.ImageService;
import dev.skiff.agent.runtime.ImageStatus;
import dev.skiff.agent.runtime.RegistryAuth;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One engine pull at a time per image and credentials, however many pods ask: a pod that asks while
 * the same pull runs waits for it and shares its outcome. Pods with other credentials pull for
 * themselves (sharing would let a pod use an image its own secrets cannot reach). With several
 * matching credentials, each is tried in turn until one pulls (as the kubelet does); when all fail,
 * the failure names every error. Thread-safe.
 */
final class PullFlights {
  /** A finished pull: the image, and how long the engine took. */
  record Pulled(ImageStatus status, Duration took) {}

  private final ImageService images;
  private final Map<String, Future<Pulled>> running = new ConcurrentHashMap<>();

  PullFlights(ImageService images) {
    this.images = images;
  }

  /** Pulls {@code image} anonymously when {@code credentials} is empty. */
  Future<Pulled> pull(String image, List<RegistryAuth> credentials) {
    if (credentials.isEmpty()) {
      return once(image, null);
    }
    return tryEach(image, credentials, 0, new ArrayList<>());
  }

  /** Pulls running now (for tests and metrics). */
  int running() {
    return running.size();
  }

  private Future<Pulled> tryEach(
      String image, List<RegistryAuth> credentials, int index, List<String> errors) {
    return once(image, credentials.get(index))
        .recover(
            e -> {
              errors.add(String.valueOf(e.getMessage()));
              if (index + 1 < credentials.size()) {
                return tryEach(image, credentials, index + 1, errors);
              }
              return Future.failedFuture(
                  errors.size() == 1
                      ? e
                      : new IllegalStateException("[" + String.join(", ", errors) + "]", e));
            });
  }

  private Future<Pulled> once(String image, RegistryAuth auth) {
    String key = image + "\n" + auth;
    @SuppressWarnings("unchecked")
    Future<Pulled>[] started = new Future[1];
    Future<Pulled> flight =
        running.computeIfAbsent(
            key,
            k -> {
              long start = System.nanoTime();
              started[0] =
                  images
                      .pull(image, auth)
                      .map(
                          status ->
                              new Pulled(status, Duration.ofNanos(System.nanoTime() - start)));
              return started[0];
            });
    if (started[0] != null) {
      flight.onComplete(ar -> running.remove(key, flight));
    }
    return flight;
  }
}
