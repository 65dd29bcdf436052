package dev.skiff.api.model.apps;

import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.LabelSelector;

/** apps/v1 DaemonSetSpec. */
public class DaemonSetSpec extends Extensible {
  public LabelSelector selector;
  public PodTemplateSpec template;
  public DaemonSetUpdateStrategy updateStrategy;
  public Integer minReadySeconds;
  public Integer revisionHistoryLimit;
}
