package dev.skiff.agent.pod;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The kubelet's restart back-off (client-go flowcontrol.Backoff as the kubelet uses it): the first
 * restart is immediate; each later one waits twice as long as the one before, from {@code initial}
 * (10 s) to {@code max} (5 min), counted from when the container finished. An entry not used for
 * twice {@code max} starts over.
 */
public final class CrashBackoff {
  private record Entry(Duration delay, Instant lastUpdate) {}

  private final Duration initial;
  private final Duration max;
  private final Clock clock;
  private final Map<String, Entry> entries = new HashMap<>();

  public CrashBackoff(Duration initial, Duration max, Clock clock) {
    this.initial = initial;
    this.max = max;
    this.clock = clock;
  }

  /**
   * When the back-off of {@code key} that started at {@code eventTime} ends; null if not backing
   * off.
   */
  public Instant backoffUntil(String key, Instant eventTime) {
    Entry entry = entries.get(key);
    if (entry == null || eventTime == null) {
      return null;
    }
    Instant until = eventTime.plus(entry.delay);
    return clock.instant().isBefore(until) ? until : null;
  }

  /**
   * The end of the back-off of {@code key} counted from its last {@link #next} (client-go's
   * IsInBackOffSinceUpdate, which the kubelet's image pulls use); null when it is over or none.
   */
  public Instant backoffSinceUpdate(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    Instant until = entry.lastUpdate.plus(entry.delay);
    return clock.instant().isBefore(until) ? until : null;
  }

  /** The time on this back-off's clock. */
  public Instant now() {
    return clock.instant();
  }

  /** A restart happens now for an event at {@code eventTime}: lengthen the next back-off. */
  public void next(String key, Instant eventTime) {
    Instant at = eventTime == null ? clock.instant() : eventTime;
    Entry entry = entries.get(key);
    if (entry == null
        || Duration.between(entry.lastUpdate, at).compareTo(max.multipliedBy(2)) > 0) {
      entries.put(key, new Entry(initial, at));
    } else {
      Duration doubled = entry.delay.multipliedBy(2);
      entries.put(key, new Entry(doubled.compareTo(max) > 0 ? max : doubled, at));
    }
  }

  /** Forgets every entry whose key starts with {@code prefix} (a deleted pod's containers). */
  public void forget(String prefix) {
    entries.keySet().removeIf(k -> k.startsWith(prefix));
  }
}
