package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** authorization/v1 NonResourceRule: verbs allowed on non-resource URLs. */
public class NonResourceRule extends Extensible {
  public List<String> verbs;
  public List<String> nonResourceURLs;
}
