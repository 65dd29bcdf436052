package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.Map;

/** v1 NodeSystemInfo. */
public class NodeSystemInfo extends Extensible {
  public String machineID;
  public String systemUUID;
  public String bootID;
  public String kernelVersion;
  public String osImage;
  public String containerRuntimeVersion;
  public String kubeletVersion;
  public String kubeProxyVersion;
  public String operatingSystem;
  public String architecture;
  public Map<String, Object> swap;
}
