package dev.skiff.api.model.discovery;

import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** discovery/v1 Endpoint: one backend of an EndpointSlice. */
public class Endpoint extends Extensible {
  public List<String> addresses;
  public EndpointConditions conditions;
  public String hostname;
  public ObjectReference targetRef;
  public Map<String, String> deprecatedTopology;
  public String nodeName;
  public String zone;
  public Map<String, Object> hints;
}
