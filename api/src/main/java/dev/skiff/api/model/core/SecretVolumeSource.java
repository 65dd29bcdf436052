package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 SecretVolumeSource: a Secret's keys as files. */
public class SecretVolumeSource extends Extensible {
  public String secretName;
  public List<KeyToPath> items;
  public Integer defaultMode;
  public Boolean optional;
}
