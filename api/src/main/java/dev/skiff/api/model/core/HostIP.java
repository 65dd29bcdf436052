package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 HostIP. */
public class HostIP extends Extensible {
  public String ip;
}
