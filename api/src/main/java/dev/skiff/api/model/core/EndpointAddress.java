package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 EndpointAddress. */
public class EndpointAddress extends Extensible {
  public String ip;
  public String hostname;
  public String nodeName;
  public ObjectReference targetRef;
}
