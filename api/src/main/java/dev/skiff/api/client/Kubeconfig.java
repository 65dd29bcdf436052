package dev.skiff.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the client needs from a kubeconfig: the current context's server URL and bearer token
 * ({@code token}, or the contents of {@code tokenFile}).
 */
public record Kubeconfig(String server, String token, boolean insecureSkipTlsVerify) {

  /** Blocking: reads the file (and a tokenFile it names). */
  public static Kubeconfig load(Path file) {
    try {
      return parse(Files.readString(file), file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read kubeconfig " + file, e);
    }
  }

  /** Parses kubeconfig YAML; a relative tokenFile is resolved against {@code dir}. */
  public static Kubeconfig parse(String yaml, Path dir) {
    JsonNode root;
    try {
      root = Json.yamlMapper().readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("kubeconfig is not valid YAML: " + e.getMessage(), e);
    }
    String contextName = root.path("current-context").asText("");
    if (contextName.isEmpty()) {
      throw new IllegalArgumentException("kubeconfig has no current-context");
    }
    JsonNode context = named(root, "contexts", contextName).path("context");
    JsonNode cluster = named(root, "clusters", context.path("cluster").asText()).path("cluster");
    String server = cluster.path("server").asText("");
    if (server.isEmpty()) {
      throw new IllegalArgumentException("cluster of context " + contextName + " has no server");
    }
    String userName = context.path("user").asText("");
    JsonNode user = userName.isEmpty() ? null : named(root, "users", userName).path("user");
    return new Kubeconfig(
        server, token(user, dir), cluster.path("insecure-skip-tls-verify").asBoolean(false));
  }

  private static String token(JsonNode user, Path dir) {
    if (user == null) {
      return null;
    }
    if (user.hasNonNull("token")) {
      return user.get("token").asText();
    }
    if (user.hasNonNull("tokenFile")) {
      Path file = Path.of(user.get("tokenFile").asText());
      try {
        return Files.readString(dir == null ? file : dir.resolve(file)).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read tokenFile " + file, e);
      }
    }
    return null;
  }

  private static JsonNode named(JsonNode root, String section, String name) {
    for (JsonNode entry : root.path(section)) {
      if (name.equals(entry.path("name").asText())) {
        return entry;
      }
    }
    throw new IllegalArgumentException("kubeconfig has no " + section + " entry named " + name);
  }
}
