package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 EnvVarSource: exactly one source is set. */
public class EnvVarSource extends Extensible {
  public ObjectFieldSelector fieldRef;
  public ResourceFieldSelector resourceFieldRef;
  public KeySelector configMapKeyRef;
  public KeySelector secretKeyRef;
}
