package dev.skiff.agent.pod.env;

import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.EnvFromSource;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.KeySelector;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Variables from ConfigMaps and Secrets as the kubelet resolves them (kubelet_pods.go
 * makeEnvironmentVariables): a missing object or key is a CreateContainerConfigError with the
 * kubelet's message unless the reference is {@code optional}, in which case the variable (or the
 * whole {@code envFrom} source) is left out. {@code envFrom} skips keys that are not valid variable
 * names and reports them in one warning per source.
 */
public final class ConfigRefs {
  /** The kubelet's IsEnvVarName (a C identifier that may also hold '-' and '.'). */
  private static final Pattern ENV_VAR_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  private ConfigRefs() {}

  /** The value of a configMapKeyRef, or null when an optional reference finds nothing. */
  static String configMapKey(String namespace, KeySelector ref, EnvSources sources) {
    return key(namespace, ref, Source.ofConfigMap(sources.configMap(namespace, ref.name)));
  }

  /** The value of a secretKeyRef, or null when an optional reference finds nothing. */
  static String secretKey(String namespace, KeySelector ref, EnvSources sources) {
    return key(namespace, ref, Source.ofSecret(sources.secret(namespace, ref.name)));
  }

  /** Adds the variables of every {@code envFrom} source of {@code c} to {@code into}, in order. */
  static void envFrom(String namespace, Container c, EnvSources sources, Map<String, String> into) {
    if (c.envFrom == null) {
      return;
    }
    for (EnvFromSource from : c.envFrom) {
      EnvFromSource.Ref ref = from.configMapRef != null ? from.configMapRef : from.secretRef;
      if (ref == null) {
        continue;
      }
      Source source =
          from.configMapRef != null
              ? Source.ofConfigMap(sources.configMap(namespace, ref.name))
              : Source.ofSecret(sources.secret(namespace, ref.name));
      if (source.data() == null) {
        missing(Boolean.TRUE.equals(ref.optional), source.notFound(ref.name));
      } else {
        add(from.prefix == null ? "" : from.prefix, namespace, ref.name, source, sources, into);
      }
    }
  }

  /** Whether any container of {@code pod} takes variables from the ConfigMap or Secret. */
  public static boolean references(Pod pod, boolean secret, String name) {
    List<Container> all = new ArrayList<>(pod.spec().containers);
    if (pod.spec().initContainers != null) {
      all.addAll(pod.spec().initContainers);
    }
    for (Container c : all) {
      Stream<String> fromEnv =
          c.env == null
              ? Stream.empty()
              : c.env.stream()
                  .map(v -> v.valueFrom == null ? null : keyRef(v, secret))
                  .map(ref -> ref == null ? null : ref.name);
      Stream<String> fromEnvFrom =
          c.envFrom == null
              ? Stream.empty()
              : c.envFrom.stream()
                  .map(f -> secret ? f.secretRef : f.configMapRef)
                  .map(ref -> ref == null ? null : ref.name);
      if (Stream.concat(fromEnv, fromEnvFrom).anyMatch(name::equals)) {
        return true;
      }
    }
    return false;
  }

  private static KeySelector keyRef(EnvVar v, boolean secret) {
    return secret ? v.valueFrom.secretKeyRef : v.valueFrom.configMapKeyRef;
  }

  private static String key(String namespace, KeySelector ref, Source source) {
    boolean optional = Boolean.TRUE.equals(ref.optional);
    if (source.data() == null) {
      return missing(optional, source.notFound(ref.name));
    }
    String value = source.data().get(ref.key);
    if (value == null) {
      return missing(
          optional,
          "couldn't find key "
              + ref.key
              + " in "
              + source.kind()
              + " "
              + namespace
              + "/"
              + ref.name);
    }
    return source.decode(value);
  }

  private static void add(
      String prefix,
      String namespace,
      String name,
      Source source,
      EnvSources sources,
      Map<String, String> into) {
    List<String> invalid = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(source.data()).entrySet()) {
      String variable = prefix + e.getKey();
      if (!ENV_VAR_NAME.matcher(variable).matches()) {
        invalid.add(variable);
      } else {
        into.put(variable, source.decode(e.getValue()));
      }
    }
    if (!invalid.isEmpty()) {
      String kind = source.kind().equals("Secret") ? "secret" : "configMap";
      sources.invalidNames(
          "Keys ["
              + String.join(", ", invalid)
              + "] from the EnvFrom "
              + kind
              + " "
              + namespace
              + "/"
              + name
              + " were skipped since they are considered invalid environment variable names.");
    }
  }

  private static String missing(boolean optional, String message) {
    if (optional) {
      return null;
    }
    throw new RuntimeFailure(ContainerEnv.CONFIG_ERROR, message);
  }

  /**
   * A ConfigMap's data or a Secret's (base64) data; {@code data} is null when the object does not
   * exist.
   */
  private record Source(String kind, Map<String, String> data) {
    static Source ofConfigMap(ConfigMap cm) {
      return new Source("ConfigMap", cm == null ? null : cm.data == null ? Map.of() : cm.data);
    }

    static Source ofSecret(Secret s) {
      return new Source("Secret", s == null ? null : s.data == null ? Map.of() : s.data);
    }

    /** The kubelet's message (its caches name the resource in the singular). */
    String notFound(String name) {
      return kind.toLowerCase(java.util.Locale.ROOT) + " \"" + name + "\" not found";
    }

    String decode(String value) {
      return kind.equals("Secret")
          ? new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)
          : value;
    }
  }
}
