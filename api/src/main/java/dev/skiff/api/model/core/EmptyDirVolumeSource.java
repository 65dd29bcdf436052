package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 EmptyDirVolumeSource: a directory that lives as long as the pod. */
public class EmptyDirVolumeSource extends Extensible {
  public String medium;
  public String sizeLimit;
}
