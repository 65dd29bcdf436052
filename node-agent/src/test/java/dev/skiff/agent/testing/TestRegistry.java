package dev.skiff.agent.testing;

import dev.skiff.agent.image.registry.RegistryServer;
import dev.skiff.testing.FreePorts;
import dev.skiff.testing.ProcessResult;
import dev.skiff.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real registry (Debian's docker-registry) on a free loopback port for one test class, optionally
 * with htpasswd users (written by apache2-utils' {@code htpasswd -B}), and pushes to it with the
 * real docker CLI (its own DOCKER_CONFIG, so a login never touches the user's). Removes the tags it
 * made from the engine when closed.
 */
public final class TestRegistry implements AutoCloseable {
  private final RegistryServer server;
  private final Process process;
  private final Path dockerConfig;
  private final List<String> tags = new ArrayList<>();

  private TestRegistry(RegistryServer server, Process process, Path dockerConfig) {
    this.server = server;
    this.process = process;
    this.dockerConfig = dockerConfig;
  }

  /** Without authentication. */
  public static TestRegistry start(Path dir) {
    return start(dir, null, null);
  }

  /** With one htpasswd user (none if {@code user} is null). */
  public static TestRegistry start(Path dir, String user, String password) {
    try {
      Files.createDirectories(dir);
      Path htpasswd = null;
      if (user != null) {
        ProcessResult entry =
            Processes.run(Duration.ofSeconds(30), "htpasswd", "-Bbn", user, password);
        if (!entry.ok()) {
          throw new IllegalStateException("htpasswd (apache2-utils) failed: " + entry);
        }
        htpasswd = Files.writeString(dir.resolve("htpasswd"), entry.stdout().strip() + "\n");
      }
      RegistryServer server = new RegistryServer(dir, FreePorts.loopback(), htpasswd);
      Process process =
          new ProcessBuilder(server.prepare())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("registry.log").toFile())
              .start();
      TestRegistry registry =
          new TestRegistry(server, process, Files.createDirectories(dir.resolve("docker")));
      try {
        server.awaitReady(process, Duration.ofSeconds(20));
      } catch (IOException e) {
        registry.close();
        throw new IllegalStateException(
            e.getMessage() + ": " + Files.readString(dir.resolve("registry.log")), e);
      }
      if (user != null) {
        registry.run(password, "login", "-u", user, "--password-stdin", server.address());
      }
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code localhost:PORT}. */
  public String address() {
    return server.address();
  }

  /** {@code address()/name}. */
  public String image(String name) {
    return address() + "/" + name;
  }

  /**
   * Pushes local image {@code source} as {@code address()/name} and removes that tag from the
   * engine again, so that only a pull brings it back.
   */
  public String push(String source, String name) {
    String target = image(name);
    docker("tag", source, target);
    docker("push", target);
    docker("rmi", target);
    tags.add(target);
    return target;
  }

  /** Freezes the registry (SIGSTOP): requests reach it and wait, until {@link #thaw()}. */
  public void freeze() {
    signal("-STOP");
  }

  /** Lets a frozen registry answer again (SIGCONT). */
  public void thaw() {
    signal("-CONT");
  }

  private void signal(String signal) {
    ProcessResult r =
        Processes.run(Duration.ofSeconds(10), "kill", signal, Long.toString(process.pid()));
    if (!r.ok()) {
      throw new IllegalStateException("kill " + signal + ": " + r);
    }
  }

  /** Runs the docker CLI with this registry's login; fails unless it succeeds. */
  public String docker(String... args) {
    return run(null, args);
  }

  private String run(String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("DOCKER_CONFIG", dockerConfig.toString());
    ProcessResult result = Processes.run(builder, stdin, Duration.ofSeconds(120));
    if (!result.ok()) {
      throw new IllegalStateException("docker " + String.join(" ", args) + ": " + result);
    }
    return result.stdout();
  }

  @Override
  public void close() {
    for (String tag : tags) {
      Processes.run(Duration.ofSeconds(30), "docker", "rmi", "-f", tag);
    }
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
