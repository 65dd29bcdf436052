package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 EndpointSubset. */
public class EndpointSubset extends Extensible {
  public List<EndpointAddress> addresses;
  public List<EndpointAddress> notReadyAddresses;
  public List<EndpointPort> ports;
}
