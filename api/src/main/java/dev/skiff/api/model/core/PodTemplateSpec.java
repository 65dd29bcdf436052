package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.ObjectMeta;

/** v1 PodTemplateSpec: the pod a controller stamps out. */
public class PodTemplateSpec extends Extensible {
  public ObjectMeta metadata;
  public PodSpec spec;
}
