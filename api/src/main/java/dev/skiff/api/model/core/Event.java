package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 Event. */
public class Event extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Event";

  public Event() {
    super(API_VERSION, KIND);
  }
}
