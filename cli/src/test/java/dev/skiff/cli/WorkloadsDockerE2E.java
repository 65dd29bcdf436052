package dev.skiff.cli;

/**
 * {@link WorkloadsKubectlE2E} on {@code skiff up --runtime docker}: the pods are containers of the
 * local busybox image. Needs root and a Docker engine (CI has both).
 */
class WorkloadsDockerE2E extends WorkloadsKubectlE2E {
  @Override
  String runtime() {
    return "docker";
  }

  @Override
  void prepare() throws Exception {
    DockerClusterE2E.localImages();
  }
}
