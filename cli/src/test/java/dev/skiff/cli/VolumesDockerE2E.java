package dev.skiff.cli;

import dev.skiff.testing.ProcessResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link VolumesKubectlE2E} on {@code skiff up --runtime docker}: the volumes are bind mounts of
 * the same host directories. The Docker runtime does not stream exec yet, so the files are read
 * with {@code docker exec} in the pod's container. Needs root and a Docker engine (CI has both).
 */
class VolumesDockerE2E extends VolumesKubectlE2E {
  @Override
  String runtime() {
    return "docker";
  }

  @Override
  void prepare() throws Exception {
    DockerClusterE2E.localImages();
  }

  @Override
  ProcessResult exec(String pod, String container, String... command) throws Exception {
    String uid = ok("get", "pod", pod, "-o", "jsonpath={.metadata.uid}");
    ProcessResult ps =
        cli.command(
            "docker",
            "ps",
            "-q",
            "--filter",
            "label=dev.skiff.pod.uid=" + uid,
            "--filter",
            "label=dev.skiff.container.name=" + container);
    String id = ps.stdout().strip().lines().findFirst().orElseThrow();
    List<String> argv = new ArrayList<>(List.of("docker", "exec", id));
    argv.addAll(List.of(command));
    return cli.command(argv.toArray(String[]::new));
  }
}
