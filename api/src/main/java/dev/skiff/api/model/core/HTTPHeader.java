package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 HTTPHeader. */
public class HTTPHeader extends Extensible {
  public String name;
  public String value;
}
