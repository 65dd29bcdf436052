package dev.skiff.api.model.autoscaling;

import dev.skiff.api.model.meta.Extensible;

/** autoscaling/v1 ScaleSpec. */
public class ScaleSpec extends Extensible {
  public Integer replicas;
}
