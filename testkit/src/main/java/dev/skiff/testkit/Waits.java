package dev.skiff.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.files.PrivateFiles;
import dev.skiff.testing.Await;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The blocking helpers behind {@link SkiffCluster}'s waits, namespaces and kubeconfigs. */
final class Waits {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private Waits() {}

  /**
   * Reads {@code read} until {@code condition} holds for a non-null value: 5 ms after the first
   * read, then twice as long each time up to every 50 ms (most waits of a test end within a
   * controller's first reaction, a few ms, which a fixed 50 ms period would round up to 50).
   */
  static ObjectNode until(
      Supplier<ObjectNode> read, Predicate<ObjectNode> condition, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ObjectNode last = null;
    long pause = 5;
    while (true) {
      last = read.get();
      if (last != null && condition.test(last)) {
        return last;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after "
                + timeout
                + " waiting for "
                + what
                + "; last seen: "
                + (last == null ? "absent" : Json.toString(last)));
      }
      try {
        Thread.sleep(pause);
        pause = Math.min(50, pause * 2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** The object at {@code path}, or null when it does not exist. */
  static ObjectNode getOrNull(KubeClient client, String path, Duration timeout) {
    try {
      Buffer body = Await.result(client.raw().request(HttpMethod.GET, path, null, null), timeout);
      return Json.tree(body.getBytes());
    } catch (RuntimeException e) {
      if (Errors.isNotFound(e) || Errors.isNotFound(e.getCause())) {
        return null;
      }
      throw e;
    }
  }

  /** Whether {@code status.conditions} has {@code type} with status "True". */
  static boolean hasCondition(ObjectNode object, String type) {
    for (JsonNode c : object.path("status").path("conditions")) {
      if (type.equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
        return true;
      }
    }
    return false;
  }

  /** {@code prefix-xxxxx}: a DNS label, like a generateName. */
  static String namespaceName(String prefix) {
    StringBuilder name =
        new StringBuilder(
            prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+", ""));
    if (name.length() > 50) {
      name.setLength(50);
    }
    if (name.length() == 0) {
      name.append("test");
    }
    name.append('-');
    for (int i = 0; i < 5; i++) {
      name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return name.toString();
  }

  /** A copy of {@code kubeconfig} whose users authenticate with {@code token} instead. */
  static Path kubeconfigWithToken(Path kubeconfig, Path target, String token) {
    try {
      JsonNode config = Json.yamlMapper().readTree(Files.readString(kubeconfig));
      for (JsonNode user : config.path("users")) {
        if (user.get("user") instanceof ObjectNode u) {
          u.removeAll();
          u.put("token", token);
        }
      }
      PrivateFiles.writeString(target, Json.yamlMapper().writeValueAsString(config));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
