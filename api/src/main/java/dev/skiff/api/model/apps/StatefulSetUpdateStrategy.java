package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;

/** apps/v1 StatefulSetUpdateStrategy: type RollingUpdate or OnDelete. */
public class StatefulSetUpdateStrategy extends Extensible {
  public String type;
  public RollingUpdateStatefulSetStrategy rollingUpdate;
}
