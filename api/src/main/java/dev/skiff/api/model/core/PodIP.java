package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 PodIP. */
public class PodIP extends Extensible {
  public String ip;
}
