package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** authorization/v1 ResourceRule: verbs allowed on resources ("*" means all). */
public class ResourceRule extends Extensible {
  public List<String> verbs;
  public List<String> apiGroups;
  public List<String> resources;
  public List<String> resourceNames;
}
