package dev.skiff.api.client.informer;

import java.time.Duration;

/**
 * How an {@link Informer} lists and watches. Immutable: the {@code with...} methods return a copy.
 *
 * @param namespace null = all namespaces (or a cluster-scoped kind)
 * @param resyncPeriod re-deliver onUpdate(obj, obj) for every cached object this often; zero = off
 * @param initialBackoff first retry delay after a failed list/watch (doubles, with jitter)
 * @param maxBackoff the cap of the retry delay
 * @param minWatchTimeout the server ends each watch after a random time in [min, 2 * min)
 */
public record InformerOptions(
    String namespace,
    String labelSelector,
    String fieldSelector,
    Duration resyncPeriod,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration minWatchTimeout) {

  public static InformerOptions defaults() {
    return new InformerOptions(
        null,
        null,
        null,
        Duration.ZERO,
        Duration.ofMillis(800),
        Duration.ofSeconds(30),
        Duration.ofMinutes(5));
  }

  public static InformerOptions inNamespace(String namespace) {
    return defaults().withNamespace(namespace);
  }

  public InformerOptions withNamespace(String ns) {
    return new InformerOptions(
        ns,
        labelSelector,
        fieldSelector,
        resyncPeriod,
        initialBackoff,
        maxBackoff,
        minWatchTimeout);
  }

  public InformerOptions withLabelSelector(String selector) {
    return new InformerOptions(
        namespace,
        selector,
        fieldSelector,
        resyncPeriod,
        initialBackoff,
        maxBackoff,
        minWatchTimeout);
  }

  public InformerOptions withFieldSelector(String selector) {
    return new InformerOptions(
        namespace,
        labelSelector,
        selector,
        resyncPeriod,
        initialBackoff,
        maxBackoff,
        minWatchTimeout);
  }

  public InformerOptions withResyncPeriod(Duration period) {
    return new InformerOptions(
        namespace,
        labelSelector,
        fieldSelector,
        period,
        initialBackoff,
        maxBackoff,
        minWatchTimeout);
  }

  public InformerOptions withBackoff(Duration initial, Duration max) {
    return new InformerOptions(
        namespace, labelSelector, fieldSelector, resyncPeriod, initial, max, minWatchTimeout);
  }

  public InformerOptions withMinWatchTimeout(Duration timeout) {
    return new InformerOptions(
        namespace, labelSelector, fieldSelector, resyncPeriod, initialBackoff, maxBackoff, timeout);
  }
}
