package dev.skiff.agent.pod.env;

import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.api.model.core.Pod;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The downward API: the pod fields an env var may reference with {@code fieldRef}. */
public final class FieldRefs {
  private static final Pattern MAP_KEY =
      Pattern.compile("metadata\\.(labels|annotations)\\['(.*)'\\]");

  private FieldRefs() {}

  public static String resolve(Pod pod, String path, String podIp, String hostIp) {
    String value =
        switch (path == null ? "" : path) {
          case "metadata.name" -> pod.meta().name;
          case "metadata.namespace" -> pod.meta().namespace;
          case "metadata.uid" -> pod.meta().uid;
          case "spec.nodeName" -> pod.spec().nodeName;
          case "spec.serviceAccountName" -> pod.spec().serviceAccountName;
          case "status.podIP", "status.podIPs" -> podIp;
          case "status.hostIP", "status.hostIPs" -> hostIp;
          default -> mapKey(pod, path);
        };
    return value == null ? "" : value;
  }

  private static String mapKey(Pod pod, String path) {
    Matcher m = MAP_KEY.matcher(path == null ? "" : path);
    if (!m.matches()) {
      throw new RuntimeFailure(
          ContainerEnv.CONFIG_ERROR, "unsupported fieldRef fieldPath: " + path);
    }
    Map<String, String> map =
        m.group(1).equals("labels") ? pod.meta().labels : pod.meta().annotations;
    return map == null ? "" : map.get(m.group(2));
  }
}
