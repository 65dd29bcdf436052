package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeList;

/** apps/v1 DeploymentList. */
public class DeploymentList extends KubeList<Deployment> {
  public DeploymentList() {
    apiVersion = Deployment.API_VERSION;
    kind = "DeploymentList";
  }
}
