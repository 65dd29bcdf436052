package dev.skiff.api.model.rbac;

import dev.skiff.api.model.meta.KubeList;

/** rbac.authorization.k8s.io/v1 RoleBindingList. */
public class RoleBindingList extends KubeList<RoleBinding> {
  public RoleBindingList() {
    apiVersion = RoleBinding.API_VERSION;
    kind = "RoleBindingList";
  }
}
