package dev.skiff.api.model.discovery;

import dev.skiff.api.model.meta.Extensible;

/** discovery/v1 EndpointConditions. */
public class EndpointConditions extends Extensible {
  public Boolean ready;
  public Boolean serving;
  public Boolean terminating;
}
