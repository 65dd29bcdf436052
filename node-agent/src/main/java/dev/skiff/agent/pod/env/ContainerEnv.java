package dev.skiff.agent.pod.env;

import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.Pod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container's environment as the kubelet computes it: the service variables first, then the
 * container's own {@code env} in order, each value $(VAR)-expanded against the variables defined
 * before it and the service variables; {@code valueFrom.fieldRef} from the downward API.
 */
public final class ContainerEnv {
  /** The waiting reason for an environment the agent cannot build. */
  public static final String CONFIG_ERROR = "CreateContainerConfigError";

  private ContainerEnv() {}

  /**
   * @param serviceEnv from {@link ServiceEnv#of}
   * @param podIp the pod's IP (status.podIP may not be written yet)
   * @param hostIp the node's IP
   * @throws RuntimeFailure (CreateContainerConfigError) for an unsupported source
   */
  public static Map<String, String> build(
      Pod pod, Container container, Map<String, String> serviceEnv, String podIp, String hostIp) {
    Map<String, String> defined = new LinkedHashMap<>();
    if (container.env != null) {
      for (EnvVar var : container.env) {
        defined.put(var.name, value(pod, var, defined, serviceEnv, podIp, hostIp));
      }
    }
    Map<String, String> env = new LinkedHashMap<>(serviceEnv);
    env.putAll(defined);
    return env;
  }

  private static String value(
      Pod pod,
      EnvVar var,
      Map<String, String> defined,
      Map<String, String> serviceEnv,
      String podIp,
      String hostIp) {
    if (var.valueFrom == null) {
      return var.value == null ? "" : Expansion.expand(var.value, defined, serviceEnv);
    }
    if (var.valueFrom.fieldRef != null) {
      return FieldRefs.resolve(pod, var.valueFrom.fieldRef.fieldPath, podIp, hostIp);
    }
    String source =
        var.valueFrom.resourceFieldRef != null
            ? "resourceFieldRef"
            : var.valueFrom.configMapKeyRef != null ? "configMapKeyRef" : "secretKeyRef";
    throw new RuntimeFailure(
        CONFIG_ERROR,
        "couldn't find key for env var "
            + var.name
            + ": "
            + source
            + " is not supported by Skiff's node agent");
  }
}
