package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 NamespaceStatus: phase Active or Terminating. */
public class NamespaceStatus extends Extensible {
  public String phase;
  public List<NamespaceCondition> conditions;
}
