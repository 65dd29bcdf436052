package dev.skiff.api.model.autoscaling;

import dev.skiff.api.model.meta.Extensible;

/** autoscaling/v1 ScaleStatus: {@code selector} is the label query string. */
public class ScaleStatus extends Extensible {
  public Integer replicas;
  public String selector;
}
