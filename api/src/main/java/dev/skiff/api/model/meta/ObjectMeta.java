package dev.skiff.api.model.meta;

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
  public Map<String, String> labels;
  public Map<String, String> annotations;
  public List<OwnerReference> ownerReferences;
  public List<String> finalizers;
  public List<Object> managedFields;
}
