package dev.skiff.proxy.balancer;

import java.time.Duration;
import java.util.List;

/**
 * How a new connection tries endpoints: one attempt per timeout, each on the next endpoint. The
 * default is the userspace kube-proxy's: 250 ms, 500 ms, 1 s, 2 s.
 */
public record RetryPolicy(List<Duration> connectTimeouts) {
  public static final RetryPolicy KUBE_USERSPACE =
      new RetryPolicy(
          List.of(
              Duration.ofMillis(250),
              Duration.ofMillis(500),
              Duration.ofSeconds(1),
              Duration.ofSeconds(2)));

  public RetryPolicy {
    if (connectTimeouts.isEmpty()) {
      throw new IllegalArgumentException("at least one connect attempt");
    }
    connectTimeouts = List.copyOf(connectTimeouts);
  }

  public int attempts() {
    return connectTimeouts.size();
  }

  public int timeoutMillis(int attempt) {
    return (int) connectTimeouts.get(attempt).toMillis();
  }
}
