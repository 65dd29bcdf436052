package dev.skiff.agent.pod.volume;

import dev.skiff.agent.FileTrees;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Secret;
import dev.skiff.api.model.core.Volume;
import dev.skiff.api.model.core.VolumeProjection;
import dev.skiff.api.model.meta.Quantity;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's pod volumes, as the kubelet's volume manager keeps them: each volume of a pod becomes a
 * host directory (or file) that the runtime mounts into the containers. emptyDir: a directory under
 * {@code <pods-dir>/<uid>/volumes/kubernetes.io~empty-dir/NAME}, with a tmpfs mounted on it for
 * medium Memory ({@link MemoryMedium}); its sizeLimit is checked by {@link #exceededEmptyDir}.
 * configMap, secret, downwardAPI, projected: the payload written atomically ({@link AtomicWriter}),
 * mounted read-only, rewritten by {@link #refresh} when the objects change (a projected
 * ServiceAccount token once 80% of its life has passed). hostPath: the node's path after the type
 * check. persistentVolumeClaim: the path of the bound PersistentVolume ({@code hostPath} or {@code
 * local}). Lookups and payloads are computed on the agent's context, files are written on the
 * worker pool. Use on the agent's context.
 */
public final class PodVolumes {
  /** A volume as the host has it: where, whether containers may only read it. */
  public record Source(Path path, boolean readOnly) {}

  /** The objects volumes come from, as last seen. */
  public interface Lookups {
    ConfigMap configMap(String namespace, String name);

    Secret secret(String namespace, String name);

    PersistentVolumeClaim claim(String namespace, String name);

    PersistentVolume volume(String name);

    Map<String, String> allocatable();
  }

  /** Issues a token for the pod's ServiceAccount. */
  public interface Tokens {
    Future<Token> request(Pod pod, String audience, long expirationSeconds);
  }

  public record Token(String token, Instant expires) {}

  private final WorkerExecutor blocking;
  private final Path podsDir;
  private final Lookups lookups;
  private final Tokens tokens;
  private final Clock clock;
  private final Map<String, Future<Map<String, Source>>> ready = new HashMap<>();
  private final Map<String, CachedToken> tokenCache = new HashMap<>();

  private record CachedToken(Token token, Instant renewAt) {}

  public PodVolumes(
      WorkerExecutor blocking, Path podsDir, Lookups lookups, Tokens tokens, Clock clock) {
    this.blocking = blocking;
    this.podsDir = podsDir;
    this.lookups = lookups;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** The pod's volumes once set up (from the first success on, without rewriting). */
  public Future<Map<String, Source>> ensure(Pod pod) {
    String uid = pod.meta().uid;
    Future<Map<String, Source>> current = ready.get(uid);
    if (current == null || current.failed()) {
      current = build(pod);
      ready.put(uid, current);
    }
    return current;
  }

  /**
   * Rewrites the pod's API volumes from the objects as they are now (nothing when unchanged);
   * subPath mounts keep what they had, as with the kubelet.
   */
  public Future<Void> refresh(Pod pod) {
    Future<Map<String, Source>> current = ready.get(pod.meta().uid);
    if (current == null || !current.succeeded()) {
      return Future.succeededFuture();
    }
    return build(pod).<Void>mapEmpty().otherwiseEmpty();
  }

  /** Whether the pod has volumes whose files the agent writes (they may need a refresh). */
  public static boolean hasApiVolumes(Pod pod) {
    if (pod.spec == null || pod.spec.volumes == null) {
      return false;
    }
    return pod.spec.volumes.stream()
        .anyMatch(
            v ->
                v.configMap != null
                    || v.secret != null
                    || v.downwardAPI != null
                    || v.projected != null);
  }

  /** Whether a volume of the pod takes files from the ConfigMap (or Secret) {@code name}. */
  public static boolean references(Pod pod, boolean secret, String name) {
    if (pod.spec == null || pod.spec.volumes == null) {
      return false;
    }
    for (Volume v : pod.spec.volumes) {
      if (!secret && v.configMap != null && name.equals(v.configMap.name)) {
        return true;
      }
      if (secret && v.secret != null && name.equals(v.secret.secretName)) {
        return true;
      }
      if (v.projected != null && v.projected.sources != null) {
        for (VolumeProjection s : v.projected.sources) {
          if (!secret && s.configMap != null && name.equals(s.configMap.name)) {
            return true;
          }
          if (secret && s.secret != null && name.equals(s.secret.name)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The first emptyDir of the pod whose files take more than its {@code sizeLimit}, as the
   * kubelet's eviction manager finds it (usage: the sizes of the regular files in the directory,
   * measured on the worker pool); empty when none does or the pod has no limited emptyDir.
   */
  public Future<java.util.Optional<ExceededLimit>> exceededEmptyDir(Pod pod) {
    Map<String, String> limits = new LinkedHashMap<>();
    for (Volume v : volumes(pod)) {
      if (v.emptyDir != null
          && v.emptyDir.sizeLimit != null
          && Quantity.parse(v.emptyDir.sizeLimit).signum() > 0) {
        limits.put(v.name, v.emptyDir.sizeLimit);
      }
    }
    if (limits.isEmpty()) {
      return Future.succeededFuture(java.util.Optional.empty());
    }
    Path base =
        podsDir.resolve(pod.meta().uid).resolve("volumes").resolve("kubernetes.io~empty-dir");
    return blocking.executeBlocking(
        () -> {
          for (Map.Entry<String, String> e : limits.entrySet()) {
            long used = FileTrees.size(base.resolve(e.getKey()));
            if (BigDecimal.valueOf(used).compareTo(Quantity.parse(e.getValue())) > 0) {
              return java.util.Optional.of(new ExceededLimit(e.getKey(), e.getValue(), used));
            }
          }
          return java.util.Optional.empty();
        },
        false);
  }

  /** An emptyDir over its size limit: the volume, its limit as the pod states it, bytes used. */
  public record ExceededLimit(String volume, String limit, long used) {
    /** The kubelet's eviction message (emptyDirMessageFmt, trailing space included). */
    public String message() {
      return "Usage of EmptyDir volume \"" + volume + "\" exceeds the limit \"" + limit + "\". ";
    }
  }

  /**
   * Unmounts the tmpfs of every memory-backed emptyDir on the node (when the agent stops: its
   * directories may then go, with {@code skiff down --purge}); a pod that runs again gets a new
   * one.
   */
  public Future<Void> unmountMemoryVolumes() {
    return blocking.executeBlocking(
        () -> {
          if (Files.isDirectory(podsDir)) {
            try (var pods = Files.list(podsDir)) {
              for (Path pod : pods.toList()) {
                MemoryMedium.unmountAll(pod.resolve("volumes").resolve("kubernetes.io~empty-dir"));
              }
            }
          }
          return null;
        },
        false);
  }

  /** Forgets the pod and removes its volume directories (never a hostPath or a claim's). */
  public Future<Void> forget(String uid) {
    ready.remove(uid);
    tokenCache.keySet().removeIf(k -> k.startsWith(uid + "/"));
    Path dir = podsDir.resolve(uid).resolve("volumes");
    return blocking.executeBlocking(
        () -> {
          MemoryMedium.unmountAll(dir.resolve("kubernetes.io~empty-dir"));
          FileTrees.delete(dir);
          return null;
        },
        false);
  }

  private Future<Map<String, Source>> build(Pod pod) {
    List<Future<?>> fetches = new ArrayList<>();
    Map<String, Token> issued = new HashMap<>();
    for (Volume v : volumes(pod)) {
      if (v.projected == null || v.projected.sources == null) {
        continue;
      }
      for (VolumeProjection s : v.projected.sources) {
        if (s.serviceAccountToken != null) {
          String key = pod.meta().uid + "/" + v.name + "/" + s.serviceAccountToken.path;
          fetches.add(token(pod, key, s).onSuccess(t -> issued.put(key, t)));
        }
      }
    }
    return Future.all(fetches)
        .compose(
            x -> {
              List<Write> writes = new ArrayList<>();
              Map<String, Source> sources = new LinkedHashMap<>();
              try {
                for (Volume v : volumes(pod)) {
                  plan(pod, v, issued, writes, sources);
                }
              } catch (VolumeFailure e) {
                return Future.failedFuture(e);
              }
              return blocking.executeBlocking(
                  () -> {
                    for (Write w : writes) {
                      w.run();
                    }
                    return sources;
                  },
                  true);
            });
  }

  @FunctionalInterface
  private interface Write {
    void run() throws IOException;
  }

  private void plan(
      Pod pod, Volume v, Map<String, Token> issued, List<Write> writes, Map<String, Source> out) {
    String ns = pod.meta().namespace;
    Path base = podsDir.resolve(pod.meta().uid).resolve("volumes");
    if (v.emptyDir != null) {
      Path dir = base.resolve("kubernetes.io~empty-dir").resolve(v.name);
      BigDecimal memory = "Memory".equals(v.emptyDir.medium) ? tmpfsSize(v) : null;
      writes.add(
          () -> {
            if (!Files.isDirectory(dir)) {
              Files.createDirectories(dir);
              AtomicWriter.setMode(dir, 0777);
            }
            if (memory != null) {
              MemoryMedium.mount(dir, memory);
            }
          });
      out.put(v.name, new Source(dir, false));
    } else if (v.configMap != null) {
      Map<String, FileContent> payload =
          Payloads.configMap(
              v.name,
              v.configMap.name,
              lookups.configMap(ns, v.configMap.name),
              v.configMap.items,
              mode(v.configMap.defaultMode),
              Boolean.TRUE.equals(v.configMap.optional));
      api(base, "kubernetes.io~configmap", v.name, payload, writes, out);
    } else if (v.secret != null) {
      Map<String, FileContent> payload =
          Payloads.secret(
              v.name,
              v.secret.secretName,
              lookups.secret(ns, v.secret.secretName),
              v.secret.items,
              mode(v.secret.defaultMode),
              Boolean.TRUE.equals(v.secret.optional));
      api(base, "kubernetes.io~secret", v.name, payload, writes, out);
    } else if (v.downwardAPI != null) {
      Map<String, FileContent> payload =
          Payloads.downwardApi(
              v.name,
              pod,
              v.downwardAPI.items,
              mode(v.downwardAPI.defaultMode),
              lookups.allocatable());
      api(base, "kubernetes.io~downward-api", v.name, payload, writes, out);
    } else if (v.projected != null) {
      api(base, "kubernetes.io~projected", v.name, projected(pod, v, issued), writes, out);
    } else if (v.hostPath != null) {
      String path = v.hostPath.path;
      String type = v.hostPath.type;
      writes.add(() -> HostPaths.check(v.name, path, type));
      out.put(v.name, new Source(Path.of(path), false));
    } else if (v.persistentVolumeClaim != null) {
      out.put(v.name, claim(pod, v, writes));
    }
  }

  /** A memory-backed emptyDir's size: its sizeLimit, else the node's allocatable memory. */
  private BigDecimal tmpfsSize(Volume v) {
    if (v.emptyDir.sizeLimit != null && Quantity.parse(v.emptyDir.sizeLimit).signum() > 0) {
      return Quantity.parse(v.emptyDir.sizeLimit);
    }
    String memory = lookups.allocatable().get("memory");
    return memory != null ? Quantity.parse(memory) : BigDecimal.valueOf(64L << 20);
  }

  private Source claim(Pod pod, Volume v, List<Write> writes) {
    String ns = pod.meta().namespace;
    String name = v.persistentVolumeClaim.claimName;
    PersistentVolumeClaim pvc = lookups.claim(ns, name);
    if (pvc == null) {
      throw new VolumeFailure(v.name, "persistentvolumeclaim \"" + name + "\" not found");
    }
    String volumeName = pvc.spec().volumeName;
    PersistentVolume pv =
        volumeName == null || volumeName.isEmpty() ? null : lookups.volume(volumeName);
    if (pv == null || !"Bound".equals(pvc.status().phase)) {
      throw new VolumeFailure(
          v.name, "error processing PVC " + ns + "/" + name + ": PVC is not bound");
    }
    boolean readOnly = Boolean.TRUE.equals(v.persistentVolumeClaim.readOnly);
    if (pv.spec().hostPath != null) {
      String path = pv.spec.hostPath.path;
      String type = pv.spec.hostPath.type;
      writes.add(() -> HostPaths.check(v.name, path, type));
      return new Source(Path.of(path), readOnly);
    }
    if (pv.spec.local != null) {
      String path = pv.spec.local.path;
      writes.add(() -> HostPaths.check(v.name, path, "Directory"));
      return new Source(Path.of(path), readOnly);
    }
    throw new VolumeFailure(
        v.name,
        "PersistentVolume \""
            + pv.meta().name
            + "\" has no source this node can mount (hostPath or local)");
  }

  private Map<String, FileContent> projected(Pod pod, Volume v, Map<String, Token> issued) {
    String ns = pod.meta().namespace;
    int mode = mode(v.projected.defaultMode);
    Map<String, FileContent> payload = new LinkedHashMap<>();
    if (v.projected.sources == null) {
      return payload;
    }
    for (VolumeProjection s : v.projected.sources) {
      if (s.configMap != null) {
        payload.putAll(
            Payloads.configMap(
                v.name,
                s.configMap.name,
                lookups.configMap(ns, s.configMap.name),
                s.configMap.items,
                mode,
                Boolean.TRUE.equals(s.configMap.optional)));
      } else if (s.secret != null) {
        payload.putAll(
            Payloads.secret(
                v.name,
                s.secret.name,
                lookups.secret(ns, s.secret.name),
                s.secret.items,
                mode,
                Boolean.TRUE.equals(s.secret.optional)));
      } else if (s.downwardAPI != null) {
        payload.putAll(
            Payloads.downwardApi(v.name, pod, s.downwardAPI.items, mode, lookups.allocatable()));
      } else if (s.serviceAccountToken != null) {
        Token t = issued.get(pod.meta().uid + "/" + v.name + "/" + s.serviceAccountToken.path);
        payload.put(
            s.serviceAccountToken.path,
            new FileContent(t.token().getBytes(StandardCharsets.UTF_8), mode));
      }
    }
    return payload;
  }

  /** A cached token until 80% of its life has passed, then a new TokenRequest. */
  private Future<Token> token(Pod pod, String key, VolumeProjection s) {
    CachedToken cached = tokenCache.get(key);
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.renewAt())) {
      return Future.succeededFuture(cached.token());
    }
    long seconds =
        s.serviceAccountToken.expirationSeconds == null
            ? 3600
            : s.serviceAccountToken.expirationSeconds;
    return tokens
        .request(pod, s.serviceAccountToken.audience, seconds)
        .recover(
            e ->
                Future.failedFuture(
                    new VolumeFailure(
                        key.substring(key.indexOf('/') + 1, key.lastIndexOf('/')),
                        "failed to fetch token: " + e.getMessage())))
        .onSuccess(
            t -> {
              long life = Duration.between(now, t.expires()).toMillis();
              tokenCache.put(key, new CachedToken(t, now.plusMillis(life * 8 / 10)));
            });
  }

  private static void api(
      Path base,
      String plugin,
      String name,
      Map<String, FileContent> payload,
      List<Write> writes,
      Map<String, Source> out) {
    Path dir = base.resolve(plugin).resolve(name);
    writes.add(() -> AtomicWriter.write(dir, payload));
    out.put(name, new Source(dir, true));
  }

  private static int mode(Integer mode) {
    return mode == null ? 0644 : mode;
  }

  private static List<Volume> volumes(Pod pod) {
    return pod.spec == null || pod.spec.volumes == null ? List.of() : pod.spec.volumes;
  }
}
