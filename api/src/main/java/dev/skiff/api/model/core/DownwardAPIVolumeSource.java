package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 DownwardAPIVolumeSource: pod fields and resources as files. */
public class DownwardAPIVolumeSource extends Extensible {
  public List<DownwardAPIVolumeFile> items;
  public Integer defaultMode;
}
