package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.IntOrString;

/** apps/v1 RollingUpdateStatefulSetStrategy: ordinals below partition keep the old revision. */
public class RollingUpdateStatefulSetStrategy extends Extensible {
  public Integer partition;
  public IntOrString maxUnavailable;
}
