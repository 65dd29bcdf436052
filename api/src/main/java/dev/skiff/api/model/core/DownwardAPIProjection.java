package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 DownwardAPIProjection: pod fields in a projected volume. */
public class DownwardAPIProjection extends Extensible {
  public List<DownwardAPIVolumeFile> items;
}
