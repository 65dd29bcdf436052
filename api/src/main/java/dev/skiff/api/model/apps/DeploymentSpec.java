package dev.skiff.api.model.apps;

import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.LabelSelector;

/** apps/v1 DeploymentSpec. */
public class DeploymentSpec extends Extensible {
  public Integer replicas;
  public LabelSelector selector;
  public PodTemplateSpec template;
  public DeploymentStrategy strategy;
  public Integer minReadySeconds;
  public Integer revisionHistoryLimit;
  public Boolean paused;
  public Integer progressDeadlineSeconds;
}
