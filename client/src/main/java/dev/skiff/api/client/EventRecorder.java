package dev.skiff.api.client;

import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.EventSource;
import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about objects (what kubectl describe shows), like client-go's
 * EventRecorder: fire-and-forget, and a repeat of the same event on the same object (and field,
 * such as one container of a pod) bumps its count instead of creating another. A node's recorder
 * ({@link #forNode}) names its node as the source, counts a repeat only within ten minutes (as
 * client-go's correlator), and hands every write to its {@link Writes}. Failures are logged, never
 * propagated.
 */
public final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final int REMEMBERED = 4096;
  private static final Duration NODE_AGGREGATION_WINDOW = Duration.ofMinutes(10);

  /** When event writes go out: each write is sent when {@code write.get()} is called. */
  @FunctionalInterface
  public interface Writes {
    /** Sends every write at once. */
    Writes IMMEDIATE = Supplier::get;

    void submit(Supplier<Future<?>> write);
  }

  private final KubeClient client;
  private final String component;
  private final String host;
  private final Duration window;
  private final Clock clock;
  private final Writes writes;
  private final Map<String, Seen> seen =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** The Event a repeat bumps: its name is chosen before it is written. */
  private record Seen(String namespace, String name, int count, Instant last) {}

  /** Events from {@code component}; every repeat bumps the first Event's count. */
  public EventRecorder(KubeClient client, String component, Clock clock) {
    this(client, component, null, null, clock, Writes.IMMEDIATE);
  }

  private EventRecorder(
      KubeClient client,
      String component,
      String host,
      Duration window,
      Clock clock,
      Writes writes) {
    this.client = client;
    this.component = component;
    this.host = host;
    this.window = window;
    this.clock = clock;
    this.writes = writes;
  }

  /**
   * Events from {@code component} on {@code node} (the kubelet's): the node is their source host
   * and reporting instance; a repeat within ten minutes bumps the count, a later one is a new
   * Event.
   */
  public static EventRecorder forNode(
      KubeClient client, String component, String node, Clock clock, Writes writes) {
    return new EventRecorder(client, component, node, NODE_AGGREGATION_WINDOW, clock, writes);
  }

  /** The field path of a pod's container, as Events about one container name it. */
  public static String containerField(String container) {
    return container == null ? null : "spec.containers{" + container + "}";
  }

  public void normal(KubeObject object, String reason, String message) {
    record(object, null, Event.TYPE_NORMAL, reason, message);
  }

  public void warning(KubeObject object, String reason, String message) {
    record(object, null, Event.TYPE_WARNING, reason, message);
  }

  /**
   * An event about one field of {@code object} ({@code fieldPath}, e.g. {@link #containerField}).
   */
  public void normal(KubeObject object, String fieldPath, String reason, String message) {
    record(object, fieldPath, Event.TYPE_NORMAL, reason, message);
  }

  public void warning(KubeObject object, String fieldPath, String reason, String message) {
    record(object, fieldPath, Event.TYPE_WARNING, reason, message);
  }

  public void record(KubeObject object, String type, String reason, String message) {
    record(object, null, type, reason, message);
  }

  private void record(
      KubeObject object, String fieldPath, String type, String reason, String message) {
    String key = object.meta().uid + "|" + fieldPath + "|" + type + "|" + reason + "|" + message;
    Instant now = clock.instant();
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    Seen next;
    boolean repeat;
    synchronized (seen) {
      Seen previous = seen.get(key);
      repeat =
          previous != null
              && (window == null || Duration.between(previous.last(), now).compareTo(window) < 0);
      next =
          repeat
              ? new Seen(previous.namespace(), previous.name(), previous.count() + 1, now)
              : new Seen(namespace(object), object.meta().name + "." + suffix(), 1, now);
      seen.put(key, next);
    }
    Event event = event(object, fieldPath, type, reason, message, next, time);
    writes.submit(
        () -> {
          Future<Event> write =
              repeat
                  ? bump(next, time).recover(e -> createIfNotFound(e, event))
                  : client.create(event);
          return write.onFailure(
              e ->
                  LOG.debug(
                      "event {} on {}/{} not written: {}",
                      reason,
                      object.meta().namespace,
                      object.meta().name,
                      e.toString()));
        });
  }

  private Future<Event> bump(Seen seen, String time) {
    return client.patch(
        Event.class,
        seen.namespace(),
        seen.name(),
        PatchType.MERGE,
        Map.of("count", seen.count(), "lastTimestamp", time));
  }

  /** A bumped Event that is gone (or not written yet) is created with the count it has now. */
  private Future<Event> createIfNotFound(Throwable bumpFailure, Event event) {
    return Errors.isNotFound(bumpFailure) ? client.create(event) : Future.failedFuture(bumpFailure);
  }

  private Event event(
      KubeObject object,
      String fieldPath,
      String type,
      String reason,
      String message,
      Seen seen,
      String time) {
    Event event = new Event();
    event.meta().namespace = seen.namespace();
    event.meta().name = seen.name();
    event.involvedObject = reference(object);
    event.involvedObject.fieldPath = fieldPath;
    event.reason = reason;
    event.message = message;
    event.type = type;
    event.count = seen.count();
    event.firstTimestamp = time;
    event.lastTimestamp = time;
    event.source = new EventSource();
    event.source.component = component;
    event.source.host = host;
    event.reportingComponent = component;
    event.reportingInstance = host;
    return event;
  }

  private static String namespace(KubeObject object) {
    return object.meta().namespace == null ? "default" : object.meta().namespace;
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
