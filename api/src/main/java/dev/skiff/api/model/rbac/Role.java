package dev.skiff.api.model.rbac;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skiff.api.model.meta.KubeObject;
import java.util.List;

/** rbac.authorization.k8s.io/v1 Role: rules that apply in the Role's namespace. */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "rules"})
public class Role extends KubeObject {
  public static final String API_VERSION = "rbac.authorization.k8s.io/v1";
  public static final String KIND = "Role";

  public List<PolicyRule> rules;

  public Role() {
    super(API_VERSION, KIND);
  }
}
