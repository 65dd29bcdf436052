package dev.skiff.cli;

/**
 * {@link GuestbookE2E} on {@code skiff up --runtime docker}: the same manifests, run as containers
 * of the local image skiff/busybox:1 with bind mounts for their volumes. One difference: the
 * image's busybox wget has only busybox's own TLS, which cannot talk to Skiff's API server, so the
 * web tier's /cgi-bin/pods answers 502 there. Needs root and a Docker engine (CI has both).
 */
class GuestbookDockerE2E extends GuestbookE2E {
  @Override
  String runtime() {
    return "docker";
  }

  @Override
  boolean busyboxReachesTheApi() {
    return false;
  }

  @Override
  void prepare() throws Exception {
    DockerClusterE2E.localImages();
  }
}
