package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 SecretProjection: a Secret in a projected volume. */
public class SecretProjection extends Extensible {
  public String name;
  public List<KeyToPath> items;
  public Boolean optional;
}
