package dev.skiff.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * What the client needs from a kubeconfig: the current context's server URL, bearer token ({@code
 * token}, or the contents of {@code tokenFile}) and, for https, the CA to trust ({@code
 * certificate-authority-data} or the {@code certificate-authority} file).
 *
 * @param token null = no Authorization header
 * @param certificateAuthorityPem PEM certificate(s) to trust for https; null = the JVM's trust
 *     store
 * @param insecureSkipTlsVerify trust any server certificate (never for production)
 */
public record Kubeconfig(
    String server, String token, String certificateAuthorityPem, boolean insecureSkipTlsVerify) {

  /** A server URL and an optional token (plain HTTP, or https trusted by the JVM's store). */
  public static Kubeconfig of(String server, String token) {
    return new Kubeconfig(server, token, null, false);
  }

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
        server,
        token(user, dir),
        certificateAuthority(cluster, dir),
        cluster.path("insecure-skip-tls-verify").asBoolean(false));
  }

  private static String certificateAuthority(JsonNode cluster, Path dir) {
    if (cluster.hasNonNull("certificate-authority-data")) {
      String data = cluster.get("certificate-authority-data").asText().replaceAll("\\s", "");
      try {
        return new String(Base64.getDecoder().decode(data), StandardCharsets.US_ASCII);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("certificate-authority-data is not base64", e);
      }
    }
    if (cluster.hasNonNull("certificate-authority")) {
      return readFile(dir, cluster.get("certificate-authority").asText(), "certificate-authority");
    }
    return null;
  }

  private static String token(JsonNode user, Path dir) {
    if (user == null) {
      return null;
    }
    if (user.hasNonNull("token")) {
      return user.get("token").asText();
    }
    if (user.hasNonNull("tokenFile")) {
      return readFile(dir, user.get("tokenFile").asText(), "tokenFile").strip();
    }
    return null;
  }

  private static String readFile(Path dir, String name, String what) {
    Path file = Path.of(name);
    try {
      return Files.readString(dir == null ? file : dir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " " + file, e);
    }
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
