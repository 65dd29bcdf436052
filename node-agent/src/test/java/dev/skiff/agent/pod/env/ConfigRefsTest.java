package dev.skiff.agent.pod.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.agent.testing.Pods;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.EnvFromSource;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.EnvVarSource;
import dev.skiff.api.model.core.KeySelector;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.ResourceFieldSelector;
import dev.skiff.api.model.core.ResourceRequirements;
import dev.skiff.api.model.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ConfigRefsTest {
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, ConfigMap> configMaps = new java.util.HashMap<>();
  private final Map<String, Secret> secrets = new java.util.HashMap<>();
  private final EnvSources sources =
      EnvSources.of(
          (ns, name) -> configMaps.get(ns + "/" + name),
          (ns, name) -> secrets.get(ns + "/" + name),
          Map.of("cpu", "4", "memory", "8Gi"),
          warnings::add);

  @Test
  void resolvesKeyRefsWithSecretsDecoded() {
    configMap("app", Map.of("mode", "fast"));
    secret("db", Map.of("password", "s3cret"));

    Map<String, String> env =
        build(
            c ->
                c.env =
                    List.of(
                        keyRef("MODE", "app", "mode", false, false),
                        keyRef("PASSWORD", "db", "password", true, false),
                        Pods.env("URL", "db://$(MODE):$(PASSWORD)")));

    assertThat(env)
        .containsEntry("MODE", "fast")
        .containsEntry("PASSWORD", "s3cret")
        .containsEntry("URL", "db://fast:s3cret");
  }

  @Test
  void missingObjectsAndKeysGiveTheKubeletsMessages() {
    configMap("app", Map.of("mode", "fast"));
    secret("db", Map.of());

    assertConfigError(c -> c.env = List.of(keyRef("A", "nope", "k", false, false)))
        .hasMessage("configmap \"nope\" not found");
    assertConfigError(c -> c.env = List.of(keyRef("A", "app", "k", false, false)))
        .hasMessage("couldn't find key k in ConfigMap default/app");
    assertConfigError(c -> c.env = List.of(keyRef("A", "s", "k", true, false)))
        .hasMessage("secret \"s\" not found");
    assertConfigError(c -> c.env = List.of(keyRef("A", "db", "k", true, false)))
        .hasMessage("couldn't find key k in Secret default/db");
    assertConfigError(c -> c.envFrom = List.of(from(null, "nope", false, false)))
        .hasMessage("configmap \"nope\" not found");
  }

  @Test
  void optionalReferencesThatFindNothingLeaveTheVariableOut() {
    configMap("app", Map.of("mode", "fast"));

    Map<String, String> env =
        build(
            c -> {
              c.env =
                  List.of(
                      keyRef("A", "app", "missing", false, true),
                      keyRef("B", "nope", "k", false, true),
                      keyRef("C", "nope", "k", true, true));
              c.envFrom = List.of(from(null, "nope", false, true), from(null, "s", true, true));
            });

    assertThat(env).doesNotContainKeys("A", "B", "C");
  }

  @Test
  void envFromAddsEveryValidKeyWithItsPrefixAndWarnsAboutTheRest() {
    configMap("app", Map.of("mode", "fast", "1st", "x", "2nd", "y", "log.level", "debug"));
    secret("db", Map.of("user", "admin"));

    Map<String, String> env =
        build(
            c -> {
              c.envFrom = List.of(from(null, "app", false, false), from("DB_", "db", true, false));
              c.env = List.of(Pods.env("mode", "overridden"));
            });

    assertThat(env)
        .containsEntry("mode", "overridden")
        .containsEntry("log.level", "debug")
        .containsEntry("DB_user", "admin")
        .doesNotContainKeys("1st", "2nd");
    assertThat(warnings)
        .containsExactly(
            "Keys [1st, 2nd] from the EnvFrom configMap default/app were skipped since they are"
                + " considered invalid environment variable names.");
  }

  @Test
  void resourceFieldRefsDivideAndRoundUpWithNodeAllocatableForUnsetLimits() {
    Map<String, String> env =
        build(
            c -> {
              c.resources = new ResourceRequirements();
              c.resources.limits = Map.of("cpu", "500m", "memory", "128Mi");
              c.resources.requests = Map.of("cpu", "250m");
              c.env =
                  List.of(
                      resource("CPU_LIMIT", "limits.cpu", null),
                      resource("CPU_LIMIT_M", "limits.cpu", "1m"),
                      resource("CPU_REQUEST_M", "requests.cpu", "1m"),
                      resource("MEM_LIMIT_MI", "limits.memory", "1Mi"),
                      resource("MEM_REQUEST", "requests.memory", null),
                      resource("STORAGE", "limits.ephemeral-storage", null));
            });

    assertThat(env)
        .containsEntry("CPU_LIMIT", "1")
        .containsEntry("CPU_LIMIT_M", "500")
        .containsEntry("CPU_REQUEST_M", "250")
        .containsEntry("MEM_LIMIT_MI", "128")
        .containsEntry("MEM_REQUEST", String.valueOf(128 * 1024 * 1024))
        .containsEntry("STORAGE", "0");
    Map<String, String> unset =
        build(
            c ->
                c.env =
                    List.of(
                        resource("CPU", "limits.cpu", null),
                        resource("MEM", "limits.memory", "1Gi")));
    assertThat(unset).containsEntry("CPU", "4").containsEntry("MEM", "8");
  }

  @Test
  void findsThePodsThatReferenceAnObject() {
    Pod pod =
        Pods.pod(
            "p",
            "n",
            c -> {
              c.env = List.of(keyRef("A", "app", "k", false, false));
              c.envFrom = List.of(from(null, "db", true, false));
            });
    assertThat(ConfigRefs.references(pod, false, "app")).isTrue();
    assertThat(ConfigRefs.references(pod, true, "db")).isTrue();
    assertThat(ConfigRefs.references(pod, true, "app")).isFalse();
    assertThat(ConfigRefs.references(pod, false, "other")).isFalse();
  }

  private Map<String, String> build(Consumer<dev.skiff.api.model.core.Container> spec) {
    Pod pod = Pods.pod("p", "n", spec);
    return ContainerEnv.build(pod, pod.spec().containers.get(0), Map.of(), "ip", "host", sources);
  }

  private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertConfigError(
      Consumer<dev.skiff.api.model.core.Container> spec) {
    return assertThatThrownBy(() -> build(spec))
        .isInstanceOfSatisfying(
            RuntimeFailure.class,
            f -> assertThat(f.reason()).isEqualTo("CreateContainerConfigError"));
  }

  private void configMap(String name, Map<String, String> data) {
    ConfigMap cm = new ConfigMap();
    cm.data = data;
    configMaps.put("default/" + name, cm);
  }

  private void secret(String name, Map<String, String> data) {
    Secret s = new Secret();
    s.data = new java.util.HashMap<>();
    data.forEach(
        (k, v) ->
            s.data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    secrets.put("default/" + name, s);
  }

  private static EnvVar keyRef(
      String name, String object, String key, boolean secret, boolean optional) {
    KeySelector ref = new KeySelector();
    ref.name = object;
    ref.key = key;
    ref.optional = optional ? true : null;
    EnvVar v = new EnvVar();
    v.name = name;
    v.valueFrom = new EnvVarSource();
    if (secret) {
      v.valueFrom.secretKeyRef = ref;
    } else {
      v.valueFrom.configMapKeyRef = ref;
    }
    return v;
  }

  private static EnvFromSource from(
      String prefix, String object, boolean secret, boolean optional) {
    EnvFromSource.Ref ref = new EnvFromSource.Ref();
    ref.name = object;
    ref.optional = optional ? true : null;
    EnvFromSource f = new EnvFromSource();
    f.prefix = prefix;
    if (secret) {
      f.secretRef = ref;
    } else {
      f.configMapRef = ref;
    }
    return f;
  }

  private static EnvVar resource(String name, String resource, String divisor) {
    ResourceFieldSelector ref = new ResourceFieldSelector();
    ref.resource = resource;
    ref.divisor = divisor;
    EnvVar v = new EnvVar();
    v.name = name;
    v.valueFrom = new EnvVarSource();
    v.valueFrom.resourceFieldRef = ref;
    return v;
  }
}
