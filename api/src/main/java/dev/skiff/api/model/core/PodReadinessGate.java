package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 PodReadinessGate. */
public class PodReadinessGate extends Extensible {
  public String conditionType;
}
