package dev.skiff.agent.probe;

import dev.skiff.api.model.core.ContainerPort;
import java.util.List;

/** What a probe is aimed at: the pod's IP, the container (for exec) and its named ports. */
public record ProbeTarget(String podIp, String containerId, List<ContainerPort> ports) {

  /** A port number, or the containerPort named {@code name}; -1 if there is none. */
  public int port(dev.skiff.api.model.meta.IntOrString port) {
    if (port == null) {
      return -1;
    }
    if (port.isInt()) {
      return port.intValue();
    }
    if (ports != null) {
      for (ContainerPort p : ports) {
        if (port.strValue().equals(p.name) && p.containerPort != null) {
          return p.containerPort;
        }
      }
    }
    return -1;
  }
}
