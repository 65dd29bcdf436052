package dev.skiff.api.model.meta;

/** metav1.ListMeta. */
public class ListMeta extends Extensible {
  public String resourceVersion;

  @com.fasterxml.jackson.annotation.JsonProperty("continue")
  public String continueToken;

  public Long remainingItemCount;
}
