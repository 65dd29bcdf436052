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
public record DeleteOptions(
    Long gracePeriodSeconds,
    String propagationPolicy,
    String uid,
    String resourceVersion,
    boolean dryRun) {
  public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null, null, false);

  public static DeleteOptions immediate() {
    return new DeleteOptions(0L, null, null, null, false);
  }
}
