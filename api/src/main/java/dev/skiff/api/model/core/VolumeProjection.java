package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 VolumeProjection: one source of a projected volume. */
public class VolumeProjection extends Extensible {
  public SecretProjection secret;
  public DownwardAPIProjection downwardAPI;
  public ConfigMapProjection configMap;
  public ServiceAccountTokenProjection serviceAccountToken;
}
