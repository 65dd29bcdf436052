package dev.skiff.cli;

import dev.skiff.agent.image.registry.RegistryServer;
import dev.skiff.api.files.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The image registry of cluster NAME ({@code skiff up --registry}, {@code skiff registry}): a
 * {@link RegistryServer} run detached, its files in {@code CLUSTER_DIR/registry} ({@code
 * config.yml}, the images in {@code storage/}, {@code pid}, {@code port}, {@code registry.log}). It
 * listens on 127.0.0.1; images are named {@code localhost:PORT/NAME:TAG} for {@code docker push}
 * and in pod specs. The port is remembered, so image names stay valid across restarts: the first
 * start takes {@code --port}, else 5000 when free, else any free port. It lives until {@code skiff
 * registry stop} or {@code skiff down}; {@code skiff down --purge} deletes the images.
 */
final class ClusterRegistry {
  static final int DEFAULT_PORT = 5000;

  private final ClusterHome home;

  ClusterRegistry(ClusterHome home) {
    this.home = home;
  }

  Path dir() {
    return home.dir().resolve("registry");
  }

  private Path pidFile() {
    return dir().resolve("pid");
  }

  private Path portFile() {
    return dir().resolve("port");
  }

  Path logFile() {
    return dir().resolve("registry.log");
  }

  /** The running registry process, if any. */
  Optional<ProcessHandle> running() {
    try {
      if (!Files.exists(pidFile())) {
        return Optional.empty();
      }
      return ClusterProcess.parse(Files.readString(pidFile())).flatMap(ClusterProcess::find);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code localhost:PORT} of a registry that ran or runs, if one did. */
  Optional<String> address() throws IOException {
    return rememberedPort().map(p -> "localhost:" + p);
  }

  /**
   * Starts the registry unless it runs; answers its address.
   *
   * @param port the port to listen on, or null for the remembered one (first time: 5000 if free)
   * @param htpasswd users (bcrypt, {@code htpasswd -B}), or null for no authentication
   */
  String start(Integer port, Path htpasswd) throws IOException {
    Optional<Integer> remembered = rememberedPort();
    if (running().isPresent()) {
      int current = remembered.orElseThrow();
      if (port != null && port != current) {
        throw new IOException(
            "the registry of cluster \""
                + home.name()
                + "\" already runs on port "
                + current
                + ": stop it first (skiff registry stop)");
      }
      return "localhost:" + current;
    }
    PrivateFiles.createDirectories(dir());
    int chosen = port != null ? port : remembered.orElseGet(ClusterRegistry::freePort);
    Path users = null;
    if (htpasswd != null) {
      users = dir().resolve("htpasswd");
      PrivateFiles.writeString(users, Files.readString(htpasswd));
    } else {
      Files.deleteIfExists(dir().resolve("htpasswd"));
    }
    RegistryServer server = new RegistryServer(dir(), chosen, users);
    List<String> cmd = new ArrayList<>();
    if (new File("/usr/bin/setsid").canExecute()) {
      cmd.add("/usr/bin/setsid");
    }
    cmd.addAll(server.prepare());
    Process process =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(PrivateFiles.touch(logFile()).toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    try {
      server.awaitReady(process, Duration.ofSeconds(20));
    } catch (IOException e) {
      process.destroyForcibly();
      throw new IOException(e.getMessage() + " (see " + logFile() + ")", e);
    }
    PrivateFiles.writeString(portFile(), chosen + "\n");
    PrivateFiles.writeString(pidFile(), ClusterProcess.of(process.toHandle()).line());
    return server.address();
  }

  /** Stops a running registry; false when none ran. Keeps the images. */
  boolean stop() throws IOException {
    Optional<ProcessHandle> process = running();
    Files.deleteIfExists(pidFile());
    if (process.isEmpty()) {
      return false;
    }
    ProcessHandle p = process.get();
    p.destroy();
    try {
      p.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
    }
    return true;
  }

  private Optional<Integer> rememberedPort() throws IOException {
    if (!Files.exists(portFile())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(Files.readString(portFile()).strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** 5000 when it is free on 127.0.0.1, else a free port the system picks. */
  private static int freePort() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket s = new ServerSocket(DEFAULT_PORT, 1, loopback)) {
      return DEFAULT_PORT;
    } catch (IOException taken) {
      try (ServerSocket s = new ServerSocket(0, 1, loopback)) {
        return s.getLocalPort();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
