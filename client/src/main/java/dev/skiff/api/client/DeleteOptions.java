package dev.skiff.api.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * metav1.DeleteOptions, sent as the JSON body of a DELETE. Immutable: the {@code with...} methods
 * return a copy.
 *
 * @param propagationPolicy how dependents are deleted; null = the server's default
 * @param gracePeriodSeconds 0 = immediately; null = the object's default
 * @param preconditions delete only if uid / resourceVersion still match (else 409 Conflict)
 * @param dryRun {@code ["All"]} to validate without deleting
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "apiVersion"})
public record DeleteOptions(
    Propagation propagationPolicy,
    Long gracePeriodSeconds,
    Preconditions preconditions,
    List<String> dryRun) {

  /** Who deletes dependents: the garbage collector later, before the owner, or nobody. */
  public enum Propagation {
    Background,
    Foreground,
    Orphan
  }

  /** metav1.Preconditions. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Preconditions(String uid, String resourceVersion) {}

  private static final DeleteOptions NONE = new DeleteOptions(null, null, null, null);

  public static DeleteOptions none() {
    return NONE;
  }

  public static DeleteOptions propagation(Propagation policy) {
    return NONE.withPropagationPolicy(policy);
  }

  public DeleteOptions withPropagationPolicy(Propagation policy) {
    return new DeleteOptions(policy, gracePeriodSeconds, preconditions, dryRun);
  }

  public DeleteOptions withGracePeriodSeconds(long seconds) {
    return new DeleteOptions(propagationPolicy, seconds, preconditions, dryRun);
  }

  public DeleteOptions withPreconditions(String uid, String resourceVersion) {
    return new DeleteOptions(
        propagationPolicy, gracePeriodSeconds, new Preconditions(uid, resourceVersion), dryRun);
  }

  public DeleteOptions withDryRun() {
    return new DeleteOptions(propagationPolicy, gracePeriodSeconds, preconditions, List.of("All"));
  }

  public String getKind() {
    return "DeleteOptions";
  }

  public String getApiVersion() {
    return "v1";
  }
}
