package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 ProjectedVolumeSource: several sources in one directory. */
public class ProjectedVolumeSource extends Extensible {
  public List<VolumeProjection> sources;
  public Integer defaultMode;
}
