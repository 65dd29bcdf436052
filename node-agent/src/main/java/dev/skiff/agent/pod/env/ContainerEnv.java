package dev.skiff.agent.pod.env;

import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.EnvVarSource;
import dev.skiff.api.model.core.Pod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container's environment as the kubelet computes it: the service variables first, then the
 * container's own {@code env} in order, each value $(VAR)-expanded against the variables defined
 * before it and the service variables; {@code valueFrom} from the downward API (fieldRef,
 * resourceFieldRef), ConfigMaps and Secrets, and {@code envFrom} before {@code env}.
 */
public final class ContainerEnv {
  /** The waiting reason for an environment the agent cannot build. */
  public static final String CONFIG_ERROR = "CreateContainerConfigError";

  private ContainerEnv() {}

  /**
   * @param serviceEnv from {@link ServiceEnv#of}
   * @param podIp the pod's IP (status.podIP may not be written yet)
   * @param hostIp the node's IP
   * @throws RuntimeFailure (CreateContainerConfigError) for a source it cannot resolve
   */
  public static Map<String, String> build(
      Pod pod, Container container, Map<String, String> serviceEnv, String podIp, String hostIp) {
    return build(pod, container, serviceEnv, podIp, hostIp, EnvSources.NONE);
  }

  /**
   * As above, with ConfigMaps, Secrets and the node's allocatable from {@code sources}: {@code
   * envFrom} first, then {@code env} in order (a later definition wins).
   *
   * @throws RuntimeFailure (CreateContainerConfigError) for a missing object or key, with the
   *     kubelet's message
   */
  public static Map<String, String> build(
      Pod pod,
      Container container,
      Map<String, String> serviceEnv,
      String podIp,
      String hostIp,
      EnvSources sources) {
    Map<String, String> defined = new LinkedHashMap<>();
    String namespace = pod.meta().namespace;
    ConfigRefs.envFrom(namespace, container, sources, defined);
    if (container.env != null) {
      for (EnvVar var : container.env) {
        String value = value(pod, container, var, defined, serviceEnv, podIp, hostIp, sources);
        if (value != null) {
          defined.put(var.name, value);
        }
      }
    }
    Map<String, String> env = new LinkedHashMap<>(serviceEnv);
    env.putAll(defined);
    return env;
  }

  /** The variable's value; null when an optional reference finds nothing (left out). */
  private static String value(
      Pod pod,
      Container container,
      EnvVar var,
      Map<String, String> defined,
      Map<String, String> serviceEnv,
      String podIp,
      String hostIp,
      EnvSources sources) {
    EnvVarSource from = var.valueFrom;
    if (from == null || (var.value != null && !var.value.isEmpty())) {
      return var.value == null ? "" : Expansion.expand(var.value, defined, serviceEnv);
    }
    if (from.fieldRef != null) {
      return FieldRefs.resolve(pod, from.fieldRef.fieldPath, podIp, hostIp);
    }
    if (from.resourceFieldRef != null) {
      return ResourceFieldRefs.resolve(
          pod, container, from.resourceFieldRef, sources.allocatable());
    }
    String namespace = pod.meta().namespace;
    if (from.configMapKeyRef != null) {
      return ConfigRefs.configMapKey(namespace, from.configMapKeyRef, sources);
    }
    if (from.secretKeyRef != null) {
      return ConfigRefs.secretKey(namespace, from.secretKeyRef, sources);
    }
    return "";
  }
}
