package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ContainerStateTerminated. */
public class ContainerStateTerminated extends Extensible {
  public Integer exitCode;
  public Integer signal;
  public String reason;
  public String message;
  public String startedAt;
  public String finishedAt;
  public String containerID;
}
