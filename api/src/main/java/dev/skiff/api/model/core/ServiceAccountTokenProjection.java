package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ServiceAccountTokenProjection: a token of the pod's ServiceAccount in a projected volume. */
public class ServiceAccountTokenProjection extends Extensible {
  public String audience;
  public Long expirationSeconds;
  public String path;
}
