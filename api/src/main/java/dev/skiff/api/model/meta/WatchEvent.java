package dev.skiff.api.model.meta;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * metav1.WatchEvent: one line of a watch stream. The object stays raw JSON until a caller types it.
 */
public class WatchEvent {
  public static final String ADDED = "ADDED";
  public static final String MODIFIED = "MODIFIED";
  public static final String DELETED = "DELETED";
  public static final String BOOKMARK = "BOOKMARK";
  public static final String ERROR = "ERROR";

  public String type;
  public JsonNode object;

  public WatchEvent() {}

  public WatchEvent(String type, JsonNode object) {
    this.type = type;
    this.object = object;
  }
}
