package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ClientIPConfig. */
public class ClientIPConfig extends Extensible {
  public Integer timeoutSeconds;
}
