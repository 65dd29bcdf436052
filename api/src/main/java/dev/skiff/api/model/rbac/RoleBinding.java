package dev.skiff.api.model.rbac;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skiff.api.model.meta.KubeObject;
import java.util.List;

/**
 * rbac.authorization.k8s.io/v1 RoleBinding: grants a Role (or a ClusterRole) to subjects in the
 * binding's namespace.
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "subjects", "roleRef"})
public class RoleBinding extends KubeObject {
  public static final String API_VERSION = Role.API_VERSION;
  public static final String KIND = "RoleBinding";

  public List<Subject> subjects;
  public RoleRef roleRef;

  public RoleBinding() {
    super(API_VERSION, KIND);
  }
}
