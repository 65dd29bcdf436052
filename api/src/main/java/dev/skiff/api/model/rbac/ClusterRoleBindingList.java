package dev.skiff.api.model.rbac;

import dev.skiff.api.model.meta.KubeList;

/** rbac.authorization.k8s.io/v1 ClusterRoleBindingList. */
public class ClusterRoleBindingList extends KubeList<ClusterRoleBinding> {
  public ClusterRoleBindingList() {
    apiVersion = ClusterRoleBinding.API_VERSION;
    kind = "ClusterRoleBindingList";
  }
}
