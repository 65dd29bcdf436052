package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 PodDNSConfigOption. */
public class PodDNSConfigOption extends Extensible {
  public String name;
  public String value;
}
