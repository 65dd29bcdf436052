package dev.skiff.agent.pod;

import dev.skiff.api.client.EventRecorder;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue of event writes, which yield to pod status writes: at most {@value #MAX_IN_FLIGHT}
 * event writes run at once, only one while any status write is in flight (the status writer reports
 * its writes), and the rest wait in a bounded queue (dropped when it is full). In a burst of pod
 * starts, three events per pod would otherwise reach the api-server ahead of the status writes that
 * make the pods Ready (the kubelet, too, rate-limits events apart from its other calls). A failed
 * write is logged, never retried. Use on one context.
 */
final class EventWrites implements EventRecorder.Writes {
  private static final Logger LOG = LoggerFactory.getLogger(EventWrites.class);
  static final int MAX_IN_FLIGHT = 4;
  static final int MAX_QUEUED = 2048;

  private final ArrayDeque<Supplier<Future<?>>> queued = new ArrayDeque<>();
  private int inFlight;
  private int statusWrites;

  /**
   * Sends {@code write} now if there is room, else queues it (or drops it if the queue is full).
   */
  @Override
  public void submit(Supplier<Future<?>> write) {
    if (queued.size() < MAX_QUEUED) {
      queued.addLast(write);
    }
    drain();
  }

  /** A pod status write was sent: events hold back until it is answered. */
  void statusWriteStarted() {
    statusWrites++;
  }

  /** A pod status write was answered (or failed). */
  void statusWriteDone() {
    statusWrites--;
    drain();
  }

  int queued() {
    return queued.size();
  }

  int inFlight() {
    return inFlight;
  }

  private void drain() {
    int limit = statusWrites > 0 ? 1 : MAX_IN_FLIGHT;
    while (inFlight < limit && !queued.isEmpty()) {
      dispatch(queued.pollFirst());
    }
  }

  private void dispatch(Supplier<Future<?>> write) {
    inFlight++;
    Future<?> sent;
    try {
      sent = write.get();
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    sent.onComplete(
        ar -> {
          if (ar.failed()) {
            LOG.debug("event write failed: {}", ar.cause().toString());
          }
          inFlight--;
          drain();
        });
  }
}
