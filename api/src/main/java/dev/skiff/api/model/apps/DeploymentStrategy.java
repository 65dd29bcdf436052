package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;

/** apps/v1 DeploymentStrategy: type RollingUpdate or Recreate. */
public class DeploymentStrategy extends Extensible {
  public String type;
  public RollingUpdateDeployment rollingUpdate;
}
