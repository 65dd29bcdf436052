package dev.skiff.cli.embedded.docker;

import dev.skiff.agent.DockerOptions;
import dev.skiff.agent.runtime.docker.DockerClient;
import dev.skiff.agent.runtime.docker.DockerException;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code skiff up --runtime docker} needs before it starts anything: the right to add routes
 * (the cluster makes its Service range local on the host), a reachable Docker engine, and the local
 * pause image (nothing is ever pulled). Each failed check names its cause and the remedy.
 */
public final class DockerPreflight {
  /** Bit of CAP_NET_ADMIN in the capability sets of /proc/self/status. */
  private static final int CAP_NET_ADMIN = 12;

  private DockerPreflight() {}

  /** The first unmet requirement, or empty when the cluster can start. Blocking. */
  public static Optional<String> problem(String socket) {
    if (!mayAddRoutes()) {
      return Optional.of(
          "--runtime docker needs the right to add routes (root, or CAP_NET_ADMIN): the cluster"
              + " makes its Service range local with `ip route add local CIDR dev lo`. Run it as"
              + " root, or use --runtime process.");
    }
    try {
      return BlockingDocker.await(vertx -> engineProblem(new DockerClient(vertx, socket), socket));
    } catch (IOException e) {
      return Optional.of("the Docker engine at " + socket + ": " + e.getMessage());
    }
  }

  /** The engine's unmet requirement: not answering, or without the pause image. */
  static Future<Optional<String>> engineProblem(DockerClient engine, String socket) {
    String pause = DockerOptions.DEFAULT_PAUSE_IMAGE;
    return engine
        .checkTransport()
        .compose(v -> engine.get("/_ping"))
        .transform(
            ping -> {
              if (ping.failed()) {
                return Future.succeededFuture(
                    Optional.of(
                        "--runtime docker needs a running Docker engine, and none answers at "
                            + socket
                            + " ("
                            + ping.cause().getMessage()
                            + "). Start it (dockerd) or point DOCKER_HOST=unix://PATH at its"
                            + " socket."));
              }
              return engine
                  .get("/images/" + URLEncoder.encode(pause, StandardCharsets.UTF_8) + "/json")
                  .map(image -> Optional.<String>empty())
                  .recover(
                      e ->
                          Future.succeededFuture(
                              Optional.of(
                                  e instanceof DockerException
                                      ? "the local image "
                                          + pause
                                          + " is missing (no registry is used); build it with"
                                          + " deploy/images/build.sh"
                                      : "the Docker engine at " + socket + ": " + e.getMessage())));
            })
        .eventually(engine::close);
  }

  /** Whether this process holds CAP_NET_ADMIN in its effective set (root normally does). */
  static boolean mayAddRoutes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("CapEff:")) {
          long caps = Long.parseUnsignedLong(line.substring(7).strip(), 16);
          return (caps & (1L << CAP_NET_ADMIN)) != 0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or an unreadable status: let ip(8) say why adding the route fails
      return true;
    }
    return true;
  }
}
