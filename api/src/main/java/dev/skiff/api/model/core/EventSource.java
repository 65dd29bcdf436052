package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 EventSource. */
public class EventSource extends Extensible {
  public String component;
  public String host;
}
