package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 PodCondition (PodScheduled, Initialized, ContainersReady, Ready). */
public class PodCondition extends Extensible {
  public String type;
  public Long observedGeneration;
  public String status;
  public String lastProbeTime;
  public String lastTransitionTime;
  public String reason;
  public String message;
}
