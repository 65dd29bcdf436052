package dev.skiff.agent.runtime;

import io.vertx.core.Future;

/**
 * A runtime's images, in the spirit of the CRI's ImageService: what is present, and pulls. Runtimes
 * that run no images (the process runtime) have none ({@link ContainerRuntime#images()} is null).
 * Never blocks.
 */
public interface ImageService {

  /** The image as present on this node, or null when it is not. */
  Future<ImageStatus> status(String image);

  /**
   * Pulls {@code image} with {@code auth} (null: anonymously) and answers it as now present. A
   * failure carries the engine's message.
   */
  Future<ImageStatus> pull(String image, RegistryAuth auth);
}
