package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 NodeCondition (Ready, MemoryPressure, ...). */
public class NodeCondition extends Extensible {
  public String type;
  public String status;
  public String lastHeartbeatTime;
  public String lastTransitionTime;
  public String reason;
  public String message;
}
