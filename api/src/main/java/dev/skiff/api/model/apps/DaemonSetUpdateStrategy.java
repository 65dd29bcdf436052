package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;

/** apps/v1 DaemonSetUpdateStrategy: type RollingUpdate or OnDelete. */
public class DaemonSetUpdateStrategy extends Extensible {
  public String type;
  public RollingUpdateDaemonSet rollingUpdate;
}
