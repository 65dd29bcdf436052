package dev.skiff.agent.pod.volume;

import dev.skiff.agent.pod.env.Expansion;
import dev.skiff.agent.runtime.ContainerSpec;
import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.VolumeMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container's {@code volumeMounts} as host paths, pure: the volume's path, or with {@code
 * subPath} (or {@code subPathExpr}, expanded against the container's environment) the path below
 * it, which the runtime creates as a directory when missing (as Docker does with a bind source). A
 * subPath into a ConfigMap or Secret volume names the {@code key} symlink, which the bind mount
 * resolves to the file it is at the container's start, so like the kubelet's it does not follow
 * later updates. Read-only when the mount or the volume says so.
 */
public final class VolumeMounts {
  private VolumeMounts() {}

  public static List<ContainerSpec.Mount> of(
      Container c, Map<String, PodVolumes.Source> volumes, Map<String, String> env) {
    List<ContainerSpec.Mount> mounts = new ArrayList<>();
    if (c.volumeMounts == null) {
      return mounts;
    }
    for (VolumeMount m : c.volumeMounts) {
      PodVolumes.Source source = volumes.get(m.name);
      if (source == null) {
        throw new RuntimeFailure(
            RuntimeFailure.CREATE_CONTAINER_ERROR, "volume \"" + m.name + "\" is not set up");
      }
      Path host = source.path();
      String sub = m.subPath;
      if (m.subPathExpr != null && !m.subPathExpr.isEmpty()) {
        sub = Expansion.expand(m.subPathExpr, env);
      }
      if (sub != null && !sub.isEmpty()) {
        host = subPath(source.path(), sub);
      }
      boolean readOnly = Boolean.TRUE.equals(m.readOnly) || source.readOnly();
      mounts.add(new ContainerSpec.Mount(host.toString(), m.mountPath, readOnly));
    }
    return mounts;
  }

  private static Path subPath(Path volume, String sub) {
    Path target = volume.resolve(sub).normalize();
    if (!target.startsWith(volume) || Path.of(sub).isAbsolute()) {
      throw new RuntimeFailure(
          RuntimeFailure.CREATE_CONTAINER_ERROR,
          "failed to prepare subPath for volumeMount: " + sub + " is outside the volume");
    }
    return target;
  }
}
