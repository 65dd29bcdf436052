package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ContainerState: at most one of waiting, running, terminated. */
public class ContainerState extends Extensible {
  public ContainerStateWaiting waiting;
  public ContainerStateRunning running;
  public ContainerStateTerminated terminated;
}
