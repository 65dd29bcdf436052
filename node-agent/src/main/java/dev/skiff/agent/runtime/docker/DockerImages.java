package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.runtime.RuntimeFailure;
import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Images without a registry: IfNotPresent and Never use what the engine has locally; a missing
 * image is ErrImagePull (IfNotPresent) or ErrImageNeverPull (Never); Always is refused with
 * ErrImagePull, since a pull could only reach beyond this machine.
 */
final class DockerImages {
  private final DockerClient docker;

  DockerImages(DockerClient docker) {
    this.docker = docker;
  }

  /** The image id under {@code pullPolicy}; fails with the waiting reason when it cannot be. */
  Future<String> ensure(String image, String pullPolicy) {
    if ("Always".equals(pullPolicy)) {
      return Future.failedFuture(
          new RuntimeFailure(
              RuntimeFailure.ERR_IMAGE_PULL,
              "pulling image \""
                  + image
                  + "\" is not possible: Skiff has no image registry, and "
                  + "imagePullPolicy Always requires a pull; build the image locally and use "
                  + "IfNotPresent or Never"));
    }
    return docker
        .get("/images/" + encode(image) + "/json")
        .map(i -> i.getString("Id"))
        .recover(
            e -> {
              if (!DockerException.isNotFound(e)) {
                return Future.failedFuture(
                    new RuntimeFailure(
                        RuntimeFailure.ERR_IMAGE_PULL, String.valueOf(e.getMessage()), e));
              }
              return Future.failedFuture(
                  "Never".equals(pullPolicy)
                      ? new RuntimeFailure(
                          RuntimeFailure.ERR_IMAGE_NEVER_PULL,
                          "Container image \""
                              + image
                              + "\" is not present with pull policy of Never")
                      : new RuntimeFailure(
                          RuntimeFailure.ERR_IMAGE_PULL,
                          "image \""
                              + image
                              + "\" is not present on this node and cannot be pulled: "
                              + "Skiff has no image registry"));
            });
  }

  /** Fails clearly when a required image (the pause image) is missing. */
  Future<Void> require(String image) {
    return docker
        .get("/images/" + encode(image) + "/json")
        .<Void>mapEmpty()
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "the pod sandbox image "
                            + image
                            + " is not present: build it "
                            + "with deploy/images/build.sh",
                        e)));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
