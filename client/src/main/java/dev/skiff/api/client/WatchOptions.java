package dev.skiff.api.client;

/**
 * Query parameters of a watch request. Immutable: the {@code with...} methods return a copy.
 *
 * @param resourceVersion null or "0": the server first sends a synthetic ADDED per existing object;
 *     "N": only changes after N
 * @param timeoutSeconds the server ends the stream after this long (null = server default / never)
 * @param allowBookmarks ask for BOOKMARK events (servers may ignore it)
 */
public record WatchOptions(
    String labelSelector,
    String fieldSelector,
    String resourceVersion,
    Integer timeoutSeconds,
    boolean allowBookmarks) {

  private static final WatchOptions NONE = new WatchOptions(null, null, null, null, false);

  public static WatchOptions none() {
    return NONE;
  }

  /** Watch changes after {@code rv} (typically a list's resourceVersion). */
  public static WatchOptions from(String rv) {
    return NONE.withResourceVersion(rv);
  }

  public WatchOptions withLabelSelector(String selector) {
    return new WatchOptions(
        selector, fieldSelector, resourceVersion, timeoutSeconds, allowBookmarks);
  }

  public WatchOptions withFieldSelector(String selector) {
    return new WatchOptions(
        labelSelector, selector, resourceVersion, timeoutSeconds, allowBookmarks);
  }

  public WatchOptions withResourceVersion(String rv) {
    return new WatchOptions(labelSelector, fieldSelector, rv, timeoutSeconds, allowBookmarks);
  }

  public WatchOptions withTimeoutSeconds(int seconds) {
    return new WatchOptions(labelSelector, fieldSelector, resourceVersion, seconds, allowBookmarks);
  }

  public WatchOptions withBookmarks(boolean allow) {
    return new WatchOptions(labelSelector, fieldSelector, resourceVersion, timeoutSeconds, allow);
  }
}
