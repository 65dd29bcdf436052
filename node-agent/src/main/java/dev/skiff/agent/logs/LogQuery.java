package dev.skiff.agent.logs;

import java.time.Instant;

/**
 * The options of {@code kubectl logs}, as the kubelet's containerLogs endpoint takes them.
 *
 * @param tailLines only the last N lines; null = all
 * @param since only entries at or after this time; null = all
 * @param limitBytes stop after this many bytes of output; null = no limit
 */
public record LogQuery(
    boolean follow,
    Long tailLines,
    Instant since,
    boolean timestamps,
    Long limitBytes,
    boolean previous) {

  public static LogQuery all() {
    return new LogQuery(false, null, null, false, null, false);
  }

  public LogQuery withFollow(boolean value) {
    return new LogQuery(value, tailLines, since, timestamps, limitBytes, previous);
  }

  public LogQuery withTailLines(Long value) {
    return new LogQuery(follow, value, since, timestamps, limitBytes, previous);
  }

  public LogQuery withSince(Instant value) {
    return new LogQuery(follow, tailLines, value, timestamps, limitBytes, previous);
  }

  public LogQuery withTimestamps(boolean value) {
    return new LogQuery(follow, tailLines, since, value, limitBytes, previous);
  }

  public LogQuery withLimitBytes(Long value) {
    return new LogQuery(follow, tailLines, since, timestamps, value, previous);
  }

  public LogQuery withPrevious(boolean value) {
    return new LogQuery(follow, tailLines, since, timestamps, limitBytes, value);
  }
}
