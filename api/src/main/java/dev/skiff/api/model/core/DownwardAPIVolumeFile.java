package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 DownwardAPIVolumeFile: one pod field or resource as a file. */
public class DownwardAPIVolumeFile extends Extensible {
  public String path;
  public ObjectFieldSelector fieldRef;
  public ResourceFieldSelector resourceFieldRef;
  public Integer mode;
}
