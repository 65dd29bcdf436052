package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeObject;
import java.util.Map;

/**
 * apps/v1 ControllerRevision: an immutable snapshot of a StatefulSet's or DaemonSet's pod template
 * ({@code data}: {"spec":{"template":{...,"$patch":"replace"}}}) and its revision number.
 */
public class ControllerRevision extends KubeObject {
  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "ControllerRevision";

  public Map<String, Object> data;
  public Long revision;

  public ControllerRevision() {
    super(API_VERSION, KIND);
  }
}
