package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.Extensible;

/** authorization/v1 NonResourceAttributes: a request to a path that is not a resource. */
public class NonResourceAttributes extends Extensible {
  public String path;
  public String verb;
}
