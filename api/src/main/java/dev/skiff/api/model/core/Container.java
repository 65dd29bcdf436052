package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** v1 Container: one process (or image) of a pod. */
public class Container extends Extensible {
  public String name;
  public String image;
  public List<String> command;
  public List<String> args;
  public String workingDir;
  public List<ContainerPort> ports;
  public List<EnvFromSource> envFrom;
  public List<EnvVar> env;
  public ResourceRequirements resources;
  public List<Map<String, Object>> resizePolicy;
  public String restartPolicy;
  public List<VolumeMount> volumeMounts;
  public List<Map<String, Object>> volumeDevices;
  public Probe livenessProbe;
  public Probe readinessProbe;
  public Probe startupProbe;
  public Map<String, Object> lifecycle;
  public String terminationMessagePath;
  public String terminationMessagePolicy;
  public String imagePullPolicy;
  public Map<String, Object> securityContext;
  public Boolean stdin;
  public Boolean stdinOnce;
  public Boolean tty;
}
