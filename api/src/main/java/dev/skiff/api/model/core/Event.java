package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 Event (core/v1, as kubectl describe reads it). Times are RFC 3339 strings. */
public class Event extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Event";
  public static final String TYPE_NORMAL = "Normal";
  public static final String TYPE_WARNING = "Warning";

  public ObjectReference involvedObject;
  public String reason;
  public String message;
  public EventSource source;
  public String firstTimestamp;
  public String lastTimestamp;
  public Integer count;
  public String type;

  /** MicroTime: "2006-01-02T15:04:05.000000Z". */
  public String eventTime;

  public EventSeries series;
  public String action;
  public ObjectReference related;
  public String reportingComponent;
  public String reportingInstance;

  public Event() {
    super(API_VERSION, KIND);
  }
}
