package dev.skiff.agent.pod.serviceaccount;

import dev.skiff.agent.runtime.ContainerSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a container sees its ServiceAccount directory. Docker: a read-only bind mount at {@link
 * ServiceAccountVolume#MOUNT_PATH}, so every in-cluster client works unchanged. Process runtime (no
 * mount namespace, so the fixed path cannot exist per pod): the variables that fabric8's {@code
 * Config.autoConfigure} reads instead of the fixed paths ({@code
 * KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN}, {@code KUBERNETES_CERTS_CA_FILE}, {@code KUBENAMESPACE})
 * and {@code SKIFF_SERVICEACCOUNT_DIR} for everything else; client-go's InClusterConfig reads only
 * the fixed path and does not work there.
 */
public final class InClusterFiles {
  public static final String DIR_VARIABLE = "SKIFF_SERVICEACCOUNT_DIR";

  private InClusterFiles() {}

  /** The mounts for {@code dir} (null: none) on a runtime of {@code runtimeType}. */
  public static List<ContainerSpec.Mount> mounts(Path dir, String runtimeType) {
    if (dir == null || !"docker".equals(runtimeType)) {
      return List.of();
    }
    return List.of(
        new ContainerSpec.Mount(
            dir.toAbsolutePath().toString(), ServiceAccountVolume.MOUNT_PATH, true));
  }

  /** The variables for {@code dir} (null: none) on a runtime of {@code runtimeType}. */
  public static Map<String, String> env(Path dir, String runtimeType) {
    Map<String, String> env = new LinkedHashMap<>();
    if (dir == null || "docker".equals(runtimeType)) {
      return env;
    }
    Path abs = dir.toAbsolutePath();
    env.put(DIR_VARIABLE, abs.toString());
    env.put("KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN", abs.resolve("token").toString());
    env.put("KUBERNETES_CERTS_CA_FILE", abs.resolve("ca.crt").toString());
    env.put("KUBENAMESPACE", abs.resolve("namespace").toString());
    return env;
  }
}
