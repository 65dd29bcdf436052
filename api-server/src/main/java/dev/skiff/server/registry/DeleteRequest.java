package dev.skiff.server.registry;

/**
 * metav1.DeleteOptions as far as Skiff honours them.
 *
 * @param gracePeriodSeconds null = the object's default (pods: terminationGracePeriodSeconds)
 * @param propagationPolicy Background, Foreground, Orphan or null
 * @param uid precondition on metadata.uid, or null
 * @param resourceVersion precondition on metadata.resourceVersion, or null
 * @param dryRun true = compute the result, persist nothing
 */
public record DeleteRequest(
    Long gracePeriodSeconds,
    String propagationPolicy,
    String uid,
    String resourceVersion,
    boolean dryRun) {
  public static final DeleteRequest DEFAULT = new DeleteRequest(null, null, null, null, false);

  public static DeleteRequest immediate() {
    return new DeleteRequest(0L, null, null, null, false);
  }
}
