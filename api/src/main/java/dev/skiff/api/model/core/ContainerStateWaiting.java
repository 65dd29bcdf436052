package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ContainerStateWaiting. */
public class ContainerStateWaiting extends Extensible {
  public String reason;
  public String message;
}
