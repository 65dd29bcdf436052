package dev.skiff.agent.image.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A local image registry: the CNCF distribution server (Debian's {@code docker-registry}) serving
 * plain HTTP on a loopback address, which Docker accepts without TLS (the engine treats registries
 * on 127.0.0.0/8 as insecure-allowed). Writes the server's configuration (storage on disk,
 * optionally htpasswd authentication, bcrypt entries as {@code htpasswd -B} writes them) and tells
 * when it answers; whoever starts the process owns it (the CLI runs it detached, tests as a child).
 * Images pushed to {@code localhost:PORT/NAME:TAG} are pulled by every node whose engine runs on
 * this host. Blocking: call it from a thread that may block.
 *
 * @param dir holds {@code config.yml} and the images ({@code storage/})
 * @param port the loopback port it listens on (127.0.0.1)
 * @param htpasswd the users allowed in, or null for no authentication
 */
public record RegistryServer(Path dir, int port, Path htpasswd) {
  /** Where Debian installs the server. */
  public static final Path DEBIAN_BINARY = Path.of("/usr/bin/docker-registry");

  /** The realm a client is told to authenticate in. */
  public static final String REALM = "skiff-registry";

  /** The image name prefix for this registry: {@code localhost:PORT}. */
  public String address() {
    return "localhost:" + port;
  }

  /** The server's executable: {@code $SKIFF_REGISTRY_BINARY}, else Debian's; fails if absent. */
  public static Path binary() {
    String env = System.getenv("SKIFF_REGISTRY_BINARY");
    Path binary = env != null && !env.isBlank() ? Path.of(env) : DEBIAN_BINARY;
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "the registry server "
              + binary
              + " is not installed: apt-get install docker-registry (Debian's package of the"
              + " CNCF distribution registry), or point SKIFF_REGISTRY_BINARY at one");
    }
    return binary;
  }

  /** Writes {@code config.yml} (and creates the storage directory); answers the command to run. */
  public List<String> prepare() throws IOException {
    Files.createDirectories(dir.resolve("storage"));
    StringBuilder yaml = new StringBuilder();
    yaml.append("version: 0.1\n")
        .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
        .append("storage:\n  filesystem:\n    rootdirectory: ")
        .append(dir.resolve("storage").toAbsolutePath())
        .append("\n  delete:\n    enabled: true\n")
        .append("http:\n  addr: 127.0.0.1:")
        .append(port)
        .append("\n  secret: ")
        .append(secret())
        .append("\n");
    if (htpasswd != null) {
      yaml.append("auth:\n  htpasswd:\n    realm: ")
          .append(REALM)
          .append("\n    path: ")
          .append(htpasswd.toAbsolutePath())
          .append("\n");
    }
    Path config = dir.resolve("config.yml");
    Files.writeString(config, yaml);
    return List.of(binary().toString(), "serve", config.toString());
  }

  /**
   * Waits until {@code GET /v2/} answers (200, or 401 with authentication); fails when {@code
   * process} (if given) exits first or the time is up.
   */
  public void awaitReady(Process process, Duration timeout) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (true) {
      if (process != null && !process.isAlive()) {
        throw new IOException("the registry exited with code " + process.exitValue());
      }
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (ConnectException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (IOException e) {
        // starting
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("the registry did not answer on port " + port + " within " + timeout);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  private static String secret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
