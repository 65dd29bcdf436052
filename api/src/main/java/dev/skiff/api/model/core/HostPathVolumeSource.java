package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 HostPathVolumeSource: a file or directory of the node. */
public class HostPathVolumeSource extends Extensible {
  public String path;
  public String type;
}
