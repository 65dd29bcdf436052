package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 EventList. */
public class EventList extends KubeList<Event> {
  public EventList() {
    apiVersion = Event.API_VERSION;
    kind = "EventList";
  }
}
