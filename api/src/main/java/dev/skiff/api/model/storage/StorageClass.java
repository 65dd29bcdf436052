package dev.skiff.api.model.storage;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skiff.api.model.meta.KubeObject;
import java.util.List;
import java.util.Map;

/** storage.k8s.io/v1 StorageClass: how claims of the class get their volumes. */
@JsonPropertyOrder({
  "apiVersion",
  "kind",
  "metadata",
  "provisioner",
  "parameters",
  "reclaimPolicy",
  "mountOptions",
  "allowVolumeExpansion",
  "volumeBindingMode",
  "allowedTopologies"
})
public class StorageClass extends KubeObject {
  public static final String API_VERSION = "storage.k8s.io/v1";
  public static final String KIND = "StorageClass";

  /** The annotation that makes a class the default for claims that name none. */
  public static final String DEFAULT_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

  public String provisioner;
  public Map<String, String> parameters;
  public String reclaimPolicy;
  public List<String> mountOptions;
  public Boolean allowVolumeExpansion;
  public String volumeBindingMode;
  public List<Map<String, Object>> allowedTopologies;

  public StorageClass() {
    super(API_VERSION, KIND);
  }
}
