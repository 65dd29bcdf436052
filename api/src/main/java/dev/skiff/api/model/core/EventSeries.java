package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 EventSeries. */
public class EventSeries extends Extensible {
  public Integer count;
  public String lastObservedTime;
}
