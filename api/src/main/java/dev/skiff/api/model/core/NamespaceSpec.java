package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 NamespaceSpec. */
public class NamespaceSpec extends Extensible {
  public List<String> finalizers;
}
