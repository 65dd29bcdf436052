package dev.skiff.agent.pod;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.EventSource;
import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records pod events (Pulled, Created, Started, Killing, Unhealthy, BackOff, Failed) as core/v1
 * Events from the "kubelet" component. A repeat of the same event within ten minutes bumps the
 * count of the existing Event instead of creating another, as client-go's correlator does. Events
 * are best effort and yield to pod status writes ({@link EventWrites}). Use on one context.
 */
public final class EventRecorder {
  private static final Duration AGGREGATION_WINDOW = Duration.ofMinutes(10);
  private static final int MAX_REMEMBERED = 4096;

  private record Seen(String name, int count, Instant first, Instant last) {}

  private final KubeClient client;
  private final String nodeName;
  private final Clock clock;
  private final EventWrites writes;
  private final Map<String, Seen> seen =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  public EventRecorder(KubeClient client, String nodeName, Clock clock) {
    this(client, nodeName, clock, new EventWrites());
  }

  EventRecorder(KubeClient client, String nodeName, Clock clock, EventWrites writes) {
    this.client = client;
    this.nodeName = nodeName;
    this.clock = clock;
    this.writes = writes;
  }

  public void normal(Pod pod, String container, String reason, String message) {
    record(pod, container, Event.TYPE_NORMAL, reason, message);
  }

  public void warning(Pod pod, String container, String reason, String message) {
    record(pod, container, Event.TYPE_WARNING, reason, message);
  }

  private void record(Pod pod, String container, String type, String reason, String message) {
    Instant now = clock.instant();
    String fieldPath = container == null ? null : "spec.containers{" + container + "}";
    String key = pod.meta().uid + "|" + fieldPath + "|" + reason + "|" + message;
    Seen previous = seen.get(key);
    if (previous != null
        && Duration.between(previous.last, now).compareTo(AGGREGATION_WINDOW) < 0) {
      Seen next = new Seen(previous.name, previous.count + 1, previous.first, now);
      seen.put(key, next);
      Map<String, Object> patch = Map.of("count", next.count, "lastTimestamp", Times.time(now));
      writes.submit(
          () ->
              client.patch(
                  Event.class, pod.meta().namespace, previous.name, PatchType.MERGE, patch));
      return;
    }
    Event event = event(pod, fieldPath, type, reason, message, now);
    seen.put(key, new Seen(event.meta().name, 1, now, now));
    writes.submit(() -> client.create(event));
  }

  private Event event(
      Pod pod, String fieldPath, String type, String reason, String message, Instant now) {
    Event e = new Event();
    e.meta().namespace = pod.meta().namespace;
    e.meta().name =
        pod.meta().name
            + "."
            + Long.toHexString(
                now.toEpochMilli() * 1000 + ThreadLocalRandom.current().nextInt(1000));
    ObjectReference ref = new ObjectReference();
    ref.kind = "Pod";
    ref.apiVersion = "v1";
    ref.namespace = pod.meta().namespace;
    ref.name = pod.meta().name;
    ref.uid = pod.meta().uid;
    ref.fieldPath = fieldPath;
    e.involvedObject = ref;
    e.reason = reason;
    e.message = message;
    e.type = type;
    e.source = new EventSource();
    e.source.component = "kubelet";
    e.source.host = nodeName;
    e.firstTimestamp = Times.time(now);
    e.lastTimestamp = Times.time(now);
    e.count = 1;
    e.reportingComponent = "kubelet";
    e.reportingInstance = nodeName;
    return e;
  }
}
