package dev.skiff.cli.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.agent.runtime.docker.DockerClient;
import dev.skiff.cli.embedded.docker.BlockingDocker;
import io.vertx.core.Future;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The copy {@code skiff image load} makes for a node with an engine of its own, here from the
 * host's engine into itself (the only engine a test machine has): the tarball of {@code docker
 * save} streams into {@code docker load}, which reads and loads it.
 */
class ImageTransferE2E {
  @Test
  void streamsOneEnginesSaveIntoAnotherEnginesLoad() throws Exception {
    String said =
        BlockingDocker.await(
            vertx -> {
              DockerClient from = new DockerClient(vertx, DockerClient.defaultSocket());
              DockerClient to = new DockerClient(vertx, DockerClient.defaultSocket());
              return ImageTransfer.copy(from, to, "skiff/busybox:1")
                  .eventually(() -> Future.join(from.close(), to.close()));
            });

    assertThat(said).isEqualTo("Loaded image: skiff/busybox:1");
  }

  @Test
  void anImageTheSourceLacksFailsWithTheEnginesMessage() {
    assertThatThrownBy(
            () ->
                BlockingDocker.await(
                    vertx -> {
                      DockerClient engine = new DockerClient(vertx, DockerClient.defaultSocket());
                      return ImageTransfer.copy(engine, engine, "skiff/absent:1")
                          .eventually(engine::close);
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("copying image \"skiff/absent:1\": reference does not exist");
  }
}
