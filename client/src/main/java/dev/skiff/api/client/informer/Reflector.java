package dev.skiff.api.client.informer;

import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.client.TypedWatchEvent;
import dev.skiff.api.client.Watch;
import dev.skiff.api.client.WatchOptions;
import dev.skiff.api.model.meta.KubeList;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The list-then-watch loop of an informer (client-go's Reflector). Runs entirely on one context:
 * list, hand the result to the sink, watch from the list's resourceVersion, and on the end of a
 * stream re-watch from the last version seen. A 410 relists (from the last version; if that is gone
 * too, from the latest); other failures retry after a jittered exponential backoff.
 */
final class Reflector<T extends KubeObject> {
  private static final Logger LOG = LoggerFactory.getLogger(Reflector.class);
  private static final long SHORT_WATCH_MILLIS = 1_000;
  private static final long MAX_DEADLINE_GRACE_SECONDS = 30;

  /** Where the reflector delivers what it learned; called on the reflector's context. */
  interface Sink<T> {
    void replace(List<T> items);

    void upsert(T object);

    void delete(T object);
  }

  private final Vertx vertx;
  private final KubeClient client;
  private final Class<T> type;
  private final InformerOptions options;
  private final Sink<T> sink;
  private final Backoff backoff;
  private Context context;
  private String lastResourceVersion;
  private boolean lastVersionUnavailable;
  private Watch watch;
  private long timer = -1;
  private volatile boolean stopped;

  Reflector(Vertx vertx, KubeClient client, Class<T> type, InformerOptions options, Sink<T> sink) {
    this.vertx = vertx;
    this.client = client;
    this.type = type;
    this.options = options;
    this.sink = sink;
    this.backoff =
        new Backoff(
            options.initialBackoff(),
            options.maxBackoff(),
            ThreadLocalRandom.current()::nextDouble);
  }

  void start(Context on) {
    this.context = on;
    on.runOnContext(v -> listAndWatch());
  }

  /** Whether {@link #start} has run. */
  boolean started() {
    return context != null;
  }

  void stop() {
    stopped = true;
    if (context != null) {
      context.runOnContext(
          v -> {
            vertx.cancelTimer(timer);
            if (watch != null) {
              watch.close();
            }
          });
    }
  }

  /** The resourceVersion the cache reflects: the last list or event seen. */
  String lastResourceVersion() {
    return lastResourceVersion;
  }

  private void listAndWatch() {
    if (stopped) {
      return;
    }
    ListOptions list =
        ListOptions.none()
            .withLabelSelector(options.labelSelector())
            .withFieldSelector(options.fieldSelector())
            .withResourceVersion(relistVersion());
    client
        .list(type, options.namespace(), list)
        .onComplete(
            ar -> {
              if (stopped) {
                return;
              }
              if (ar.succeeded()) {
                onListed(ar.result());
              } else if (Errors.isExpired(ar.cause()) && !lastVersionUnavailable) {
                lastVersionUnavailable = true;
                listAndWatch();
              } else {
                retry("list", ar.cause(), this::listAndWatch);
              }
            });
  }

  private void onListed(KubeList<T> list) {
    lastVersionUnavailable = false;
    lastResourceVersion = list.metadata == null ? null : list.metadata.resourceVersion;
    sink.replace(list.items);
    backoff.reset();
    watch();
  }

  /**
   * client-go: "0" (any) the first time, then the last version seen, "" (latest) if that is gone.
   */
  private String relistVersion() {
    if (lastVersionUnavailable) {
      return null;
    }
    return lastResourceVersion == null ? "0" : lastResourceVersion;
  }

  private void watch() {
    if (stopped) {
      return;
    }
    long minTimeout = Math.max(1, options.minWatchTimeout().toSeconds());
    int timeout = (int) (minTimeout + ThreadLocalRandom.current().nextLong(minTimeout));
    WatchOptions watchOptions =
        WatchOptions.from(lastResourceVersion)
            .withLabelSelector(options.labelSelector())
            .withFieldSelector(options.fieldSelector())
            .withTimeoutSeconds(timeout)
            .withBookmarks(true);
    long startedAt = System.nanoTime();
    int[] events = {0};
    Watch current =
        client.watch(
            type,
            options.namespace(),
            watchOptions,
            event -> {
              if (!stopped) {
                events[0]++;
                onEvent(event);
              }
            });
    watch = current;
    // The server ends the stream after timeoutSeconds; if it does not (a half-open connection),
    // close it ourselves and watch again rather than wait forever on a dead stream.
    long deadline =
        vertx.setTimer(
            (timeout + Math.min(MAX_DEADLINE_GRACE_SECONDS, minTimeout)) * 1000L,
            id -> {
              LOG.warn(
                  "{} watch not ended by the server after {} s: reconnecting",
                  type.getSimpleName(),
                  timeout);
              current.close();
            });
    current
        .done()
        .onComplete(
            ar -> {
              vertx.cancelTimer(deadline);
              if (!stopped) {
                onWatchEnded(ar, startedAt, events[0]);
              }
            });
  }

  private void onWatchEnded(AsyncResult<Void> ar, long startedAt, int events) {
    if (ar.succeeded()) {
      boolean quick = (System.nanoTime() - startedAt) / 1_000_000 < SHORT_WATCH_MILLIS;
      if (quick && events == 0) {
        retry("watch (ended at once)", null, this::watch);
      } else {
        backoff.reset();
        watch();
      }
    } else if (Errors.isExpired(ar.cause())) {
      LOG.debug("{} watch expired at {}: relisting", type.getSimpleName(), lastResourceVersion);
      listAndWatch();
    } else if (Errors.isStatus(ar.cause())) {
      retry("watch", ar.cause(), this::listAndWatch);
    } else {
      retry("watch", ar.cause(), this::watch);
    }
  }

  private void onEvent(TypedWatchEvent<T> event) {
    switch (event.type()) {
      case ADDED, MODIFIED -> sink.upsert(event.object());
      case DELETED -> sink.delete(event.object());
      case BOOKMARK -> {}
    }
    String rv = event.resourceVersion();
    if (rv != null && !rv.isEmpty()) {
      lastResourceVersion = rv;
    }
  }

  private void retry(String what, Throwable cause, Runnable next) {
    long delay = backoff.nextDelayMillis();
    if (cause != null) {
      LOG.warn(
          "{} {} failed, retrying in {} ms: {}",
          type.getSimpleName(),
          what,
          delay,
          cause.toString());
    }
    timer =
        vertx.setTimer(
            delay,
            id -> {
              if (!stopped) {
                next.run();
              }
            });
  }
}
