package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;

/** apps/v1 StatefulSetOrdinals: the first ordinal. */
public class StatefulSetOrdinals extends Extensible {
  public Integer start;
}
