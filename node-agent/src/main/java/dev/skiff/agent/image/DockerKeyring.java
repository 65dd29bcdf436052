package dev.skiff.agent.image;

import dev.skiff.agent.runtime.RegistryAuth;
import dev.skiff.api.model.core.Secret;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The registry credentials of a pod's pull secrets, as the kubelet's keyring holds them: entries of
 * {@code kubernetes.io/dockerconfigjson} ({@code .dockerconfigjson}: {@code {"auths": {...}}}) and
 * {@code kubernetes.io/dockercfg} ({@code .dockercfg}: the entries themselves) Secrets, keyed by
 * registry ({@code localhost:5000}, {@code https://index.docker.io/v1/}, {@code host/team}). An
 * image matches a key whose host (glob labels allowed), port and path prefix match its repository;
 * the most specific keys come first. Pure.
 */
public final class DockerKeyring {
  private static final String DOCKER_HUB = "index.docker.io";

  private record Entry(String key, RegistryAuth auth) {}

  private final List<Entry> entries;

  private DockerKeyring(List<Entry> entries) {
    this.entries = entries;
  }

  /** The keyring of {@code secrets}; other types and unreadable contents are skipped. */
  public static DockerKeyring of(List<Secret> secrets) {
    List<Entry> entries = new ArrayList<>();
    for (Secret secret : secrets) {
      JsonObject auths = auths(secret);
      if (auths == null) {
        continue;
      }
      for (Map.Entry<String, Object> e : auths) {
        if (e.getValue() instanceof JsonObject config) {
          entries.add(new Entry(normalizeKey(e.getKey()), auth(e.getKey(), config)));
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::key).reversed());
    return new DockerKeyring(entries);
  }

  /** The credentials to try for {@code image}, most specific first; empty: pull anonymously. */
  public List<RegistryAuth> lookup(ImageRef image) {
    String target = image.normalizedRepository();
    List<RegistryAuth> found = new ArrayList<>();
    for (Entry e : entries) {
      if (matches(e.key(), target) || (image.dockerHub() && e.key().equals(DOCKER_HUB))) {
        found.add(e.auth());
      }
    }
    return found;
  }

  private static JsonObject auths(Secret secret) {
    if (secret.data == null || secret.type == null) {
      return null;
    }
    String key =
        switch (secret.type) {
          case Secret.TYPE_DOCKER_CONFIG_JSON -> ".dockerconfigjson";
          case Secret.TYPE_DOCKERCFG -> ".dockercfg";
          default -> null;
        };
    String encoded = key == null ? null : secret.data.get(key);
    if (encoded == null) {
      return null;
    }
    try {
      JsonObject json =
          new JsonObject(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
      return key.equals(".dockerconfigjson") ? json.getJsonObject("auths") : json;
    } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
      return null;
    }
  }

  /** An entry's credentials; {@code auth} (base64 of user:password) fills in what is missing. */
  private static RegistryAuth auth(String server, JsonObject config) {
    String username = config.getString("username");
    String password = config.getString("password");
    String auth = config.getString("auth");
    if (auth != null && !auth.isEmpty() && username == null && password == null) {
      try {
        String pair = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon > 0) {
          username = pair.substring(0, colon);
          password = pair.substring(colon + 1);
        }
      } catch (IllegalArgumentException e) {
        // leave it to the registry to refuse
      }
    }
    return new RegistryAuth(
        username,
        password,
        auth,
        server,
        config.getString("identitytoken"),
        config.getString("registrytoken"));
  }

  /**
   * {@code https://host:port/v1/} and {@code host:port} name the same registry; a path beyond the
   * API version narrows the key to repositories under it.
   */
  static String normalizeKey(String key) {
    String k = key;
    int scheme = k.indexOf("://");
    if (scheme >= 0) {
      k = k.substring(scheme + 3);
    }
    int slash = k.indexOf('/');
    String host = slash < 0 ? k : k.substring(0, slash);
    String path = slash < 0 ? "" : k.substring(slash);
    if (path.startsWith("/v1/") || path.startsWith("/v2/")) {
      path = path.substring(3);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (host.equals("docker.io") || host.equals("registry-1.docker.io")) {
      host = DOCKER_HUB;
    }
    return path.isEmpty() ? host : host + path;
  }

  /** Host labels glob-match one to one, ports equal, the key's path a prefix of the target's. */
  static boolean matches(String key, String target) {
    String[] k = splitHostPath(key);
    String[] t = splitHostPath(target);
    String[] kHost = hostPort(k[0]);
    String[] tHost = hostPort(t[0]);
    if (!kHost[1].equals(tHost[1])) {
      return false;
    }
    String[] kLabels = kHost[0].split("\\.", -1);
    String[] tLabels = tHost[0].split("\\.", -1);
    if (kLabels.length != tLabels.length) {
      return false;
    }
    for (int i = 0; i < kLabels.length; i++) {
      if (!glob(kLabels[i], tLabels[i])) {
        return false;
      }
    }
    return t[1].startsWith(k[1]);
  }

  private static String[] splitHostPath(String s) {
    int slash = s.indexOf('/');
    return slash < 0
        ? new String[] {s, ""}
        : new String[] {s.substring(0, slash), s.substring(slash)};
  }

  private static String[] hostPort(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0 || hostPort.endsWith("]")) {
      return new String[] {hostPort, ""};
    }
    return new String[] {hostPort.substring(0, colon), hostPort.substring(colon + 1)};
  }

  private static boolean glob(String pattern, String text) {
    String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E[^.]*\\Q");
    return text.matches(regex);
  }
}
