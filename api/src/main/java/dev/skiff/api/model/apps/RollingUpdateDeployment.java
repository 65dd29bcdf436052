package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.IntOrString;

/** apps/v1 RollingUpdateDeployment: counts or percentages. */
public class RollingUpdateDeployment extends Extensible {
  public IntOrString maxUnavailable;
  public IntOrString maxSurge;
}
