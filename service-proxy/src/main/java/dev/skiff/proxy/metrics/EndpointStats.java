package dev.skiff.proxy.metrics;

import java.util.concurrent.atomic.LongAdder;

/** Traffic counters of one endpoint (a pod, or a node's NodePort for the load-balancer role). */
public final class EndpointStats {
  final LongAdder connections = new LongAdder();
  final LongAdder active = new LongAdder();
  final LongAdder connectFailures = new LongAdder();
  final LongAdder bytesToEndpoint = new LongAdder();
  final LongAdder bytesFromEndpoint = new LongAdder();

  public void connected() {
    connections.increment();
    active.increment();
  }

  public void disconnected() {
    active.decrement();
  }

  public void connectFailed() {
    connectFailures.increment();
  }

  public void sent(long bytes) {
    bytesToEndpoint.add(bytes);
  }

  public void received(long bytes) {
    bytesFromEndpoint.add(bytes);
  }

  public long connections() {
    return connections.sum();
  }

  public long active() {
    return active.sum();
  }

  public long connectFailures() {
    return connectFailures.sum();
  }

  public long bytesToEndpoint() {
    return bytesToEndpoint.sum();
  }

  public long bytesFromEndpoint() {
    return bytesFromEndpoint.sum();
  }
}
