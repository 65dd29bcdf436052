package dev.skiff.proxy.balancer;

import dev.skiff.proxy.model.SessionAffinity;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Round-robin over a shuffled list of endpoints with optional ClientIP session affinity, like the
 * userspace kube-proxy's LoadBalancerRR. Safe to call from any event loop: {@link #update} swaps an
 * immutable ring atomically, picks read it without locks.
 *
 * @param <E> the endpoint type (compared with equals)
 */
public final class RoundRobinBalancer<E> {
  private final LongSupplier nanoClock;
  private final Random random;
  private final AtomicInteger cursor = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, Sticky<E>> sticky = new ConcurrentHashMap<>();
  private volatile Ring<E> ring = new Ring<>(List.of(), Set.of(), SessionAffinity.NONE);

  public RoundRobinBalancer() {
    this(System::nanoTime, new Random());
  }

  public RoundRobinBalancer(LongSupplier nanoClock, Random random) {
    this.nanoClock = nanoClock;
    this.random = random;
  }

  /**
   * Programs the endpoints. The order is reshuffled only when the set changes; affinity to
   * endpoints that remain is kept.
   */
  public synchronized void update(List<E> endpoints, SessionAffinity affinity) {
    Ring<E> current = ring;
    Set<E> members = new HashSet<>(endpoints);
    List<E> order = current.order;
    if (!members.equals(current.members)) {
      List<E> shuffled = new ArrayList<>(members);
      Collections.shuffle(shuffled, random);
      order = List.copyOf(shuffled);
    }
    ring = new Ring<>(order, Set.copyOf(members), affinity);
    if (!affinity.sticky()) {
      sticky.clear();
    } else {
      sticky.values().removeIf(s -> !members.contains(s.endpoint));
    }
  }

  public boolean isEmpty() {
    return ring.order.isEmpty();
  }

  /** The endpoint for a new connection from {@code client}, or null when there is none. */
  public E pick(InetAddress client) {
    Ring<E> r = ring;
    if (r.order.isEmpty()) {
      return null;
    }
    if (r.affinity.sticky() && client != null) {
      long now = nanoClock.getAsLong();
      Sticky<E> s = sticky.get(client);
      if (s != null && now - s.lastUsed < timeoutNanos(r) && r.members.contains(s.endpoint)) {
        s.lastUsed = now;
        return s.endpoint;
      }
      E chosen = advance(r);
      sticky.put(client, new Sticky<>(chosen, now));
      return chosen;
    }
    return advance(r);
  }

  /**
   * The endpoint to try after {@code failed} refused a connection: resets the client's affinity and
   * moves on round-robin, skipping {@code failed} when another endpoint exists.
   */
  public E next(InetAddress client, E failed) {
    Ring<E> r = ring;
    if (client != null) {
      sticky.remove(client);
    }
    if (r.order.isEmpty()) {
      return null;
    }
    E chosen = advance(r);
    if (chosen.equals(failed) && r.order.size() > 1) {
      chosen = advance(r);
    }
    if (r.affinity.sticky() && client != null) {
      sticky.put(client, new Sticky<>(chosen, nanoClock.getAsLong()));
    }
    return chosen;
  }

  /** Drops affinity records older than the timeout; call periodically. */
  public void expireAffinity() {
    Ring<E> r = ring;
    long now = nanoClock.getAsLong();
    sticky.values().removeIf(s -> now - s.lastUsed >= timeoutNanos(r));
  }

  /** Number of clients with a live affinity record (for tests and metrics). */
  public int affinityRecords() {
    return sticky.size();
  }

  private E advance(Ring<E> r) {
    int i = cursor.getAndIncrement();
    return r.order.get(Math.floorMod(i, r.order.size()));
  }

  private static long timeoutNanos(Ring<?> r) {
    return TimeUnit.SECONDS.toNanos(r.affinity.timeoutSeconds());
  }

  private record Ring<E>(List<E> order, Set<E> members, SessionAffinity affinity) {}

  private static final class Sticky<E> {
    final E endpoint;
    volatile long lastUsed;

    Sticky(E endpoint, long lastUsed) {
      this.endpoint = endpoint;
      this.lastUsed = lastUsed;
    }
  }
}
