package dev.skiff.api.model.meta;

/** metav1.Condition: the standard condition shape (used by Service status). */
public class Condition extends Extensible {
  public String type;
  public String status;
  public Long observedGeneration;
  public String lastTransitionTime;
  public String reason;
  public String message;
}
