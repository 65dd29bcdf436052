package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 SessionAffinityConfig. */
public class SessionAffinityConfig extends Extensible {
  public ClientIPConfig clientIP;
}
