package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 ExecAction. */
public class ExecAction extends Extensible {
  public List<String> command;
}
