package dev.skiff.api.model.apps;

import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.LabelSelector;

/** apps/v1 ReplicaSetSpec. */
public class ReplicaSetSpec extends Extensible {
  public Integer replicas;
  public Integer minReadySeconds;
  public LabelSelector selector;
  public PodTemplateSpec template;
}
