package dev.skiff.api.model.rbac;

import dev.skiff.api.model.meta.KubeList;

/** rbac.authorization.k8s.io/v1 RoleList. */
public class RoleList extends KubeList<Role> {
  public RoleList() {
    apiVersion = Role.API_VERSION;
    kind = "RoleList";
  }
}
