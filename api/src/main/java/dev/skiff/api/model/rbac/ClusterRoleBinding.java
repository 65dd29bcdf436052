package dev.skiff.api.model.rbac;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skiff.api.model.meta.KubeObject;
import java.util.List;

/** rbac.authorization.k8s.io/v1 ClusterRoleBinding: grants a ClusterRole cluster-wide. */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "subjects", "roleRef"})
public class ClusterRoleBinding extends KubeObject {
  public static final String API_VERSION = Role.API_VERSION;
  public static final String KIND = "ClusterRoleBinding";

  public List<Subject> subjects;
  public RoleRef roleRef;

  public ClusterRoleBinding() {
    super(API_VERSION, KIND);
  }
}
