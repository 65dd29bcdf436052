package dev.skiff.cli;

/**
 * {@link JobsKubectlE2E} on {@code skiff up --runtime docker}: the Jobs' pods are containers of the
 * local busybox image. Needs root and a Docker engine (CI has both).
 */
class JobsDockerE2E extends JobsKubectlE2E {
  @Override
  String runtime() {
    return "docker";
  }

  @Override
  void prepare() throws Exception {
    DockerClusterE2E.localImages();
  }
}
