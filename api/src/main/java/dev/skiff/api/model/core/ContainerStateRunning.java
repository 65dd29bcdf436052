package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ContainerStateRunning. */
public class ContainerStateRunning extends Extensible {
  public String startedAt;
}
