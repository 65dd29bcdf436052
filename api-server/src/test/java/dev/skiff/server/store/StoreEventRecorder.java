package dev.skiff.server.store;

import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Collects what a watch delivers; safe to read from the test thread. */
final class StoreEventRecorder implements Handler<StoreEvent> {
  private final List<StoreEvent> events = new ArrayList<>();
  private final AtomicBoolean ended = new AtomicBoolean();

  @Override
  public synchronized void handle(StoreEvent event) {
    events.add(event);
  }

  synchronized List<StoreEvent> events() {
    return List.copyOf(events);
  }

  synchronized int size() {
    return events.size();
  }

  synchronized List<Long> versions() {
    return events.stream().map(StoreEvent::resourceVersion).toList();
  }

  Handler<Void> onEnd() {
    return v -> ended.set(true);
  }

  boolean ended() {
    return ended.get();
  }
}
