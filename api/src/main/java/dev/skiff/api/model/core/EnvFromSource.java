package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 EnvFromSource: every key of a ConfigMap or Secret as a variable, with an optional prefix. */
public class EnvFromSource extends Extensible {
  public String prefix;
  public Ref configMapRef;
  public Ref secretRef;

  /** v1 ConfigMapEnvSource / SecretEnvSource (same shape). */
  public static class Ref extends Extensible {
    public String name;
    public Boolean optional;
  }
}
