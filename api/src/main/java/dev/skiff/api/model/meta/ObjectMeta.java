package dev.skiff.api.model.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** metav1.ObjectMeta. Timestamps are RFC 3339 strings, as on the wire. */
public class ObjectMeta extends Extensible {
  public String name;
  public String generateName;
  public String namespace;
  public String uid;
  public String resourceVersion;
  public Long generation;
  public String creationTimestamp;
  public String deletionTimestamp;
  public Long deletionGracePeriodSeconds;

  /** Go's omitempty: an empty map is left out, as is an absent one. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public Map<String, String> labels;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public Map<String, String> annotations;

  public List<OwnerReference> ownerReferences;
  public List<String> finalizers;
  public List<Object> managedFields;
}
