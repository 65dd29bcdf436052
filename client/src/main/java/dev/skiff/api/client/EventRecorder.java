package dev.skiff.api.client;

import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.EventSource;
import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about objects (what kubectl describe shows), like client-go's
 * EventRecorder: fire-and-forget, and a repeat of the same event on the same object bumps its count
 * instead of creating another. Failures are logged, never propagated.
 */
public final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final int REMEMBERED = 4096;

  private final KubeClient client;
  private final String component;
  private final Clock clock;
  private final Map<String, Seen> seen =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
          return size() > REMEMBERED;
        }
      };

  private record Seen(String namespace, String name, int count) {}

  public EventRecorder(KubeClient client, String component, Clock clock) {
    this.client = client;
    this.component = component;
    this.clock = clock;
  }

  public void normal(KubeObject object, String reason, String message) {
    record(object, Event.TYPE_NORMAL, reason, message);
  }

  public void warning(KubeObject object, String reason, String message) {
    record(object, Event.TYPE_WARNING, reason, message);
  }

  public void record(KubeObject object, String type, String reason, String message) {
    String key = object.meta().uid + "|" + type + "|" + reason + "|" + message;
    Seen previous;
    synchronized (seen) {
      previous = seen.get(key);
    }
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    Future<?> write =
        previous == null
            ? create(object, type, reason, message, now, key)
            : bump(previous, now, key)
                .recover(e -> create(object, type, reason, message, now, key));
    write.onFailure(
        e ->
            LOG.debug(
                "event {} on {}/{} not written: {}",
                reason,
                object.meta().namespace,
                object.meta().name,
                e.toString()));
  }

  private Future<Event> create(
      KubeObject object, String type, String reason, String message, String now, String key) {
    Event event = new Event();
    String namespace = object.meta().namespace == null ? "default" : object.meta().namespace;
    event.meta().namespace = namespace;
    event.meta().name = object.meta().name + "." + suffix();
    event.involvedObject = reference(object);
    event.reason = reason;
    event.message = message;
    event.type = type;
    event.count = 1;
    event.firstTimestamp = now;
    event.lastTimestamp = now;
    event.source = new EventSource();
    event.source.component = component;
    event.reportingComponent = component;
    return client
        .create(event)
        .onSuccess(
            e -> {
              synchronized (seen) {
                seen.put(key, new Seen(namespace, e.meta().name, 1));
              }
            });
  }

  private Future<Event> bump(Seen previous, String now, String key) {
    int count = previous.count() + 1;
    synchronized (seen) {
      seen.put(key, new Seen(previous.namespace(), previous.name(), count));
    }
    return client.patch(
        Event.class,
        previous.namespace(),
        previous.name(),
        PatchType.MERGE,
        Map.of("count", count, "lastTimestamp", now));
  }

  /** An ObjectReference to {@code object}. */
  public static ObjectReference reference(KubeObject object) {
    ObjectReference ref = new ObjectReference();
    ref.kind = object.kind;
    ref.apiVersion = object.apiVersion;
    ref.namespace = object.meta().namespace;
    ref.name = object.meta().name;
    ref.uid = object.meta().uid;
    ref.resourceVersion = object.meta().resourceVersion;
    return ref;
  }

  private static String suffix() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
