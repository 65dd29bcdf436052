package dev.skiff.api.model.rbac;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skiff.api.model.meta.KubeObject;
import java.util.List;

/**
 * rbac.authorization.k8s.io/v1 ClusterRole: rules that apply cluster-wide through a
 * ClusterRoleBinding, or in one namespace through a RoleBinding. With an {@code aggregationRule}
 * the rules are the union of the selected ClusterRoles' rules, kept by a controller.
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "rules", "aggregationRule"})
public class ClusterRole extends KubeObject {
  public static final String API_VERSION = Role.API_VERSION;
  public static final String KIND = "ClusterRole";

  public List<PolicyRule> rules;
  public AggregationRule aggregationRule;

  public ClusterRole() {
    super(API_VERSION, KIND);
  }
}
