package dev.skiff.cli;

import dev.skiff.agent.runtime.docker.DockerClient;
import dev.skiff.api.files.PrivateFiles;
import dev.skiff.cli.embedded.docker.DockerPreflight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The runtime a cluster was created with, kept in its directory: its saved Services hold addresses
 * of that runtime's ranges (loopback for process, a local 10.x range for docker), so a cluster
 * keeps its runtime until {@code skiff down --purge}. Also the checks the Docker runtime needs.
 */
public final class RuntimeChoice {
  private RuntimeChoice() {}

  static Path file(ClusterHome home) {
    return home.dir().resolve("runtime");
  }

  /** Why {@code skiff up --runtime runtime} cannot start this cluster, if it cannot. */
  static Optional<String> problem(ClusterHome home, String runtime) throws IOException {
    if (Files.isDirectory(home.dataDir())) {
      String kept = kept(home);
      if (!kept.equals(runtime)) {
        return Optional.of(
            "cluster \""
                + home.name()
                + "\" was created with --runtime "
                + kept
                + " and its saved Services use that runtime's addresses: run skiff up --runtime "
                + kept
                + (home.name().equals("skiff") ? "" : " --name " + home.name())
                + ", or forget it first with skiff down --purge");
      }
    }
    if (runtime.equals("docker")) {
      return DockerPreflight.problem(DockerClient.defaultSocket());
    }
    return Optional.empty();
  }

  /** The runtime the cluster was created with ("process" for clusters made before it was kept). */
  public static String kept(ClusterHome home) throws IOException {
    Path file = file(home);
    return Files.exists(file) ? Files.readString(file).strip() : "process";
  }

  static void record(ClusterHome home, String runtime) throws IOException {
    PrivateFiles.writeString(file(home), runtime + "\n");
  }
}
