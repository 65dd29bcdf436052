package dev.skiff.api.model.rbac;

import dev.skiff.api.model.meta.KubeList;

/** rbac.authorization.k8s.io/v1 ClusterRoleList. */
public class ClusterRoleList extends KubeList<ClusterRole> {
  public ClusterRoleList() {
    apiVersion = ClusterRole.API_VERSION;
    kind = "ClusterRoleList";
  }
}
