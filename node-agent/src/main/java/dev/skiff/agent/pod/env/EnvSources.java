package dev.skiff.agent.pod.env;

import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Secret;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a container's environment is built from beyond the pod itself: the ConfigMaps and Secrets of
 * its namespace as last seen, the node's allocatable resources (the downward API's default for
 * unset limits), and where the warning about skipped {@code envFrom} keys goes.
 */
public interface EnvSources {
  /** None: every lookup finds nothing, the node has no allocatable, warnings are dropped. */
  EnvSources NONE = of((ns, name) -> null, (ns, name) -> null, Map.of(), warning -> {});

  /** The ConfigMap, or null when it does not exist. */
  ConfigMap configMap(String namespace, String name);

  /** The Secret, or null when it does not exist. */
  Secret secret(String namespace, String name);

  /** The node's allocatable (cpu, memory, ephemeral-storage quantities). */
  Map<String, String> allocatable();

  /** Reports an {@code InvalidEnvironmentVariableNames} warning. */
  void invalidNames(String message);

  /** Lookup of one kind of object by namespace and name. */
  interface Lookup<T> {
    T get(String namespace, String name);
  }

  static EnvSources of(
      Lookup<ConfigMap> configMaps,
      Lookup<Secret> secrets,
      Map<String, String> allocatable,
      Consumer<String> warnings) {
    return new EnvSources() {
      @Override
      public ConfigMap configMap(String namespace, String name) {
        return configMaps.get(namespace, name);
      }

      @Override
      public Secret secret(String namespace, String name) {
        return secrets.get(namespace, name);
      }

      @Override
      public Map<String, String> allocatable() {
        return allocatable;
      }

      @Override
      public void invalidNames(String message) {
        warnings.accept(message);
      }
    };
  }
}
