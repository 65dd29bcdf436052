package dev.skiff.agent.pod.serviceaccount;

import dev.skiff.agent.runtime.ContainerSpec;
import dev.skiff.api.model.core.VolumeMount;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a container sees its ServiceAccount directory. A runtime that mounts volumes (Docker; the
 * process runtime with a mount namespace): a read-only bind mount at {@link
 * ServiceAccountVolume#MOUNT_PATH}, so every in-cluster client works unchanged. The process runtime
 * also passes the variables that fabric8's {@code Config.autoConfigure} reads instead of the fixed
 * paths ({@code KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN}, {@code KUBERNETES_CERTS_CA_FILE}, {@code
 * KUBENAMESPACE}) and {@code SKIFF_SERVICEACCOUNT_DIR}, which are all a client has where the
 * runtime cannot mount (no root, no unshare).
 */
public final class InClusterFiles {
  public static final String DIR_VARIABLE = "SKIFF_SERVICEACCOUNT_DIR";

  private InClusterFiles() {}

  /**
   * The mount of {@code dir} (null: none) at {@link ServiceAccountVolume#MOUNT_PATH}, for a runtime
   * that mounts volumes; none when the container mounts something else there itself.
   */
  public static List<ContainerSpec.Mount> mounts(Path dir, List<VolumeMount> own) {
    if (dir == null
        || (own != null
            && own.stream().anyMatch(m -> ServiceAccountVolume.MOUNT_PATH.equals(m.mountPath)))) {
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
