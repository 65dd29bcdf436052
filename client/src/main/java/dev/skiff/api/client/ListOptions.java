package dev.skiff.api.client;

/**
 * Query parameters of a list request. Every field is optional (null = not sent). Immutable: the
 * {@code with...} methods return a copy.
 *
 * @param labelSelector e.g. {@code app=web,tier!=db}
 * @param fieldSelector e.g. {@code spec.nodeName=node1}
 * @param resourceVersion "0" = any (may be cached), "N" = not older than N, null = latest
 * @param limit page size; the server may ignore it
 * @param continueToken the {@code metadata.continue} of the previous page
 */
public record ListOptions(
    String labelSelector,
    String fieldSelector,
    String resourceVersion,
    Long limit,
    String continueToken) {

  private static final ListOptions NONE = new ListOptions(null, null, null, null, null);

  public static ListOptions none() {
    return NONE;
  }

  public static ListOptions labelSelector(String selector) {
    return NONE.withLabelSelector(selector);
  }

  public static ListOptions fieldSelector(String selector) {
    return NONE.withFieldSelector(selector);
  }

  public ListOptions withLabelSelector(String selector) {
    return new ListOptions(selector, fieldSelector, resourceVersion, limit, continueToken);
  }

  public ListOptions withFieldSelector(String selector) {
    return new ListOptions(labelSelector, selector, resourceVersion, limit, continueToken);
  }

  public ListOptions withResourceVersion(String rv) {
    return new ListOptions(labelSelector, fieldSelector, rv, limit, continueToken);
  }

  public ListOptions withLimit(long pageSize) {
    return new ListOptions(labelSelector, fieldSelector, resourceVersion, pageSize, continueToken);
  }

  public ListOptions withContinue(String token) {
    return new ListOptions(labelSelector, fieldSelector, resourceVersion, limit, token);
  }
}
