package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 NamespaceCondition. */
public class NamespaceCondition extends Extensible {
  public String type;
  public String status;
  public String lastTransitionTime;
  public String reason;
  public String message;
}
