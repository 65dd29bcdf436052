package dev.skiff.agent.pod.serviceaccount;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.agent.pod.volume.PodVolumes;
import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.files.PrivateFiles;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.ServiceAccount;
import dev.skiff.api.model.meta.Times;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's {@code kube-api-access} projected volume, kept by the agent in a per-pod directory
 * ({@code <data-dir>/pods/<uid>/serviceaccount}, 0700, files 0600): {@code token} (a TokenRequest
 * for the pod's ServiceAccount bound to the pod, {@value #EXPIRATION} s like the kubelet's, renewed
 * once 80% of its life has passed), {@code ca.crt} (the namespace's {@code kube-root-ca.crt}) and
 * {@code namespace}. None when the pod, or its ServiceAccount unless the pod says otherwise, has
 * {@code automountServiceAccountToken: false}, or when the ServiceAccount does not exist (a cluster
 * without ServiceAccounts: Kubernetes would not have admitted the pod). Tokens are never logged.
 * Use on the agent's context.
 */
public final class ServiceAccountVolume {
  /** Where a container sees the files (a bind mount on Docker). */
  public static final String MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

  static final long EXPIRATION = 3607;
  private static final Duration RETRY = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountVolume.class);

  private final Vertx vertx;
  private final KubeClient client;
  private final WorkerExecutor blocking;
  private final Path root;
  private final BiFunction<String, String, ConfigMap> configMaps;
  private final Clock clock;
  private final Map<String, Entry> pods = new HashMap<>();

  private static final class Entry {
    Future<Path> dir;
    long timer = -1;
  }

  /**
   * @param root the directory of the per-pod directories
   * @param configMaps the ConfigMaps as last seen, by namespace and name
   */
  public ServiceAccountVolume(
      Vertx vertx,
      KubeClient client,
      WorkerExecutor blocking,
      Path root,
      BiFunction<String, String, ConfigMap> configMaps,
      Clock clock) {
    this.vertx = vertx;
    this.client = client;
    this.blocking = blocking;
    this.root = root;
    this.configMaps = configMaps;
    this.clock = clock;
  }

  /** The pod's directory once its files are written, or null when it gets none. */
  public Future<Path> ensure(Pod pod) {
    String uid = pod.meta().uid;
    Entry entry = pods.computeIfAbsent(uid, u -> new Entry());
    if (entry.dir == null || entry.dir.failed()) {
      entry.dir = mounted(pod).compose(yes -> yes ? refresh(pod, entry) : Future.succeededFuture());
    }
    return entry.dir;
  }

  /** Stops renewing the pod's token and removes its directory. */
  public Future<Void> forget(String uid) {
    Entry entry = pods.remove(uid);
    if (entry != null) {
      vertx.cancelTimer(entry.timer);
    }
    Path dir = dir(uid);
    return blocking.executeBlocking(
        () -> {
          dev.skiff.agent.FileTrees.delete(dir);
          return null;
        },
        false);
  }

  private Future<Boolean> mounted(Pod pod) {
    if (Boolean.FALSE.equals(pod.spec().automountServiceAccountToken)) {
      return Future.succeededFuture(false);
    }
    String name = pod.spec().serviceAccountName;
    if (name == null || name.isEmpty()) {
      return Future.succeededFuture(false);
    }
    return client
        .get(ServiceAccount.class, pod.meta().namespace, name)
        .map(
            sa ->
                Boolean.TRUE.equals(pod.spec().automountServiceAccountToken)
                    || !Boolean.FALSE.equals(sa.automountServiceAccountToken))
        .recover(
            e -> Errors.isNotFound(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /** Requests a token, writes the three files, and schedules the next renewal. */
  private Future<Path> refresh(Pod pod, Entry entry) {
    String ns = pod.meta().namespace;
    Path dir = dir(pod.meta().uid);
    return requestToken(pod)
        .compose(
            status -> {
              ConfigMap ca = configMaps.apply(ns, "kube-root-ca.crt");
              String caPem =
                  ca == null || ca.data == null ? "" : ca.data.getOrDefault("ca.crt", "");
              String token = status.path("token").asText();
              Instant expires = Times.parse(status.path("expirationTimestamp").asText());
              return blocking
                  .executeBlocking(
                      () -> {
                        write(dir, token, caPem, ns);
                        return dir;
                      },
                      false)
                  .onSuccess(d -> scheduleRenewal(pod, entry, expires));
            })
        .onFailure(
            e -> {
              LOG.warn(
                  "no ServiceAccount token for pod {}/{}: {}", ns, pod.meta().name, e.getMessage());
              if (entry.dir != null && entry.dir.succeeded()) {
                // a renewal: the files stay until the token expires; try again soon
                entry.timer = vertx.setTimer(RETRY.toMillis(), t -> retry(pod, entry));
              }
            });
  }

  private void retry(Pod pod, Entry entry) {
    if (pods.get(pod.meta().uid) == entry) {
      refresh(pod, entry);
    }
  }

  private void scheduleRenewal(Pod pod, Entry entry, Instant expires) {
    long delay = renewalDelay(clock.instant(), expires).toMillis();
    entry.timer = vertx.setTimer(delay, t -> retry(pod, entry));
  }

  /** The kubelet's rule: renew once 80% of the token's remaining life has passed (at least 1 s). */
  static Duration renewalDelay(Instant now, Instant expires) {
    long life = Duration.between(now, expires).toMillis();
    return Duration.ofMillis(Math.max(1_000, life * 8 / 10));
  }

  /**
   * A token of the pod's ServiceAccount bound to the pod, for a projected {@code
   * serviceAccountToken} source ({@code audience} null: the API server's).
   */
  public Future<PodVolumes.Token> token(Pod pod, String audience, long expirationSeconds) {
    return requestToken(pod, audience, expirationSeconds)
        .map(
            status ->
                new PodVolumes.Token(
                    status.path("token").asText(),
                    Times.parse(status.path("expirationTimestamp").asText())));
  }

  private Future<ObjectNode> requestToken(Pod pod) {
    return requestToken(pod, null, EXPIRATION);
  }

  private Future<ObjectNode> requestToken(Pod pod, String audience, long expirationSeconds) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("apiVersion", "authentication.k8s.io/v1").put("kind", "TokenRequest");
    ObjectNode spec = body.putObject("spec").put("expirationSeconds", expirationSeconds);
    if (audience != null && !audience.isEmpty()) {
      spec.putArray("audiences").add(audience);
    }
    spec.putObject("boundObjectRef")
        .put("kind", "Pod")
        .put("apiVersion", "v1")
        .put("name", pod.meta().name)
        .put("uid", pod.meta().uid);
    String uri =
        "/api/v1/namespaces/"
            + pod.meta().namespace
            + "/serviceaccounts/"
            + pod.spec().serviceAccountName
            + "/token";
    return client
        .raw()
        .request(HttpMethod.POST, uri, "application/json", body)
        .map(reply -> (ObjectNode) Json.tree(reply.getBytes()).path("status"));
  }

  private Path dir(String uid) {
    return root.resolve(uid).resolve("serviceaccount");
  }

  private static void write(Path dir, String token, String caPem, String namespace)
      throws IOException {
    PrivateFiles.createDirectories(dir);
    PrivateFiles.writeString(dir.resolve("ca.crt"), caPem);
    PrivateFiles.writeString(dir.resolve("namespace"), namespace);
    PrivateFiles.writeString(dir.resolve("token"), token);
  }
}
