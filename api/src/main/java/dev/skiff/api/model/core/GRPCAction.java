package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 GRPCAction. */
public class GRPCAction extends Extensible {
  public Integer port;
  public String service;
}
