package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.Extensible;

/** authorization/v1 ResourceAttributes: a request against a resource ("*" means all). */
public class ResourceAttributes extends Extensible {
  public String namespace;
  public String verb;
  public String group;
  public String version;
  public String resource;
  public String subresource;
  public String name;
}
