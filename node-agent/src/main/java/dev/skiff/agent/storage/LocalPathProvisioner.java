package dev.skiff.agent.storage;

import dev.skiff.agent.FileTrees;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.ResourceEventHandler;
import dev.skiff.api.model.core.HostPathVolumeSource;
import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.storage.StorageClass;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's share of the built-in local-path provisioner (rancher's local-path-provisioner, as
 * k3s runs it): a claim handed to {@value #PROVISIONER} whose selected node is this one gets a
 * directory {@code <data-dir>/storage/pvc-<uid>_<namespace>_<name>} and a PersistentVolume {@code
 * pvc-<uid>} (hostPath DirectoryOrCreate, node affinity to this node, the claim's size and access
 * modes, the class's reclaim policy) pre-bound to it; the PersistentVolume controller completes the
 * bind. A Released volume of this node with reclaim policy Delete loses its directory, then its
 * object. Use on the agent's context.
 */
public final class LocalPathProvisioner {
  public static final String PROVISIONER = "rancher.io/local-path";
  static final String PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";
  static final String NODE_ANNOTATION = "local.path.provisioner/selected-node";
  private static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
  private static final String STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
  private static final Logger LOG = LoggerFactory.getLogger(LocalPathProvisioner.class);

  private final Vertx vertx;
  private final KubeClient client;
  private final WorkerExecutor blocking;
  private final String nodeName;
  private final String hostname;
  private final Path storageDir;
  private final Informer<PersistentVolumeClaim> claims;
  private final Informer<PersistentVolume> volumes;
  private final EventRecorder events;
  private final Set<String> busy = new HashSet<>();
  private Context context;

  public LocalPathProvisioner(
      Vertx vertx,
      KubeClient client,
      WorkerExecutor blocking,
      String nodeName,
      String hostname,
      Path storageDir,
      Informer<PersistentVolumeClaim> claims,
      Informer<PersistentVolume> volumes,
      java.time.Clock clock) {
    this.vertx = vertx;
    this.client = client;
    this.blocking = blocking;
    this.nodeName = nodeName;
    this.hostname = hostname;
    this.storageDir = storageDir;
    this.claims = claims;
    this.volumes = volumes;
    this.events = new EventRecorder(client, PROVISIONER + "_" + nodeName, clock);
  }

  /** Reacts to claims and volumes from now on (and to those already cached). */
  public void start() {
    context = vertx.getOrCreateContext();
    claims.addEventHandler(ResourceEventHandler.of(this::onClaim, (o, c) -> onClaim(c), c -> {}));
    volumes.addEventHandler(
        ResourceEventHandler.of(this::onVolume, (o, v) -> onVolume(v), v -> {}));
    claims.list().forEach(this::onClaim);
    volumes.list().forEach(this::onVolume);
  }

  private void onClaim(PersistentVolumeClaim pvc) {
    context.runOnContext(v -> provision(pvc));
  }

  private void onVolume(PersistentVolume pv) {
    context.runOnContext(v -> reclaim(pv));
  }

  private void provision(PersistentVolumeClaim pvc) {
    Map<String, String> a = pvc.meta().annotations;
    String volumeName = "pvc-" + pvc.meta().uid;
    if (a == null
        || !PROVISIONER.equals(a.get(STORAGE_PROVISIONER))
        || !nodeName.equals(a.get(SELECTED_NODE))
        || pvc.meta().deletionTimestamp != null
        || (pvc.spec().volumeName != null && !pvc.spec.volumeName.isEmpty())
        || volumes.get(volumeName) != null
        || !busy.add(volumeName)) {
      return;
    }
    Path dir = storageDir.resolve(volumeName + "_" + pvc.meta().namespace + "_" + pvc.meta().name);
    client
        .get(StorageClass.class, null, pvc.spec.storageClassName)
        .compose(
            sc ->
                blocking
                    .executeBlocking(
                        () -> {
                          Files.createDirectories(dir);
                          Files.setPosixFilePermissions(
                              dir,
                              java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
                          return dir;
                        },
                        false)
                    .compose(d -> client.create(volume(pvc, sc, volumeName, dir))))
        .onSuccess(
            pv -> {
              LOG.info(
                  "provisioned {} at {} for claim {}/{}",
                  volumeName,
                  dir,
                  pvc.meta().namespace,
                  pvc.meta().name);
              events.normal(
                  pvc, "ProvisioningSucceeded", "Successfully provisioned volume " + volumeName);
            })
        .onFailure(
            e -> {
              if (!Errors.isAlreadyExists(e)) {
                events.warning(
                    pvc,
                    "ProvisioningFailed",
                    "failed to provision volume with StorageClass \""
                        + pvc.spec.storageClassName
                        + "\": "
                        + e.getMessage());
              }
            })
        .onComplete(ar -> busy.remove(volumeName));
  }

  private PersistentVolume volume(
      PersistentVolumeClaim pvc, StorageClass sc, String name, Path dir) {
    PersistentVolume pv = new PersistentVolume();
    pv.meta().name = name;
    pv.metadata.annotations = new LinkedHashMap<>();
    pv.metadata.annotations.put(PROVISIONED_BY, PROVISIONER);
    pv.metadata.annotations.put(NODE_ANNOTATION, nodeName);
    pv.spec().capacity = new LinkedHashMap<>();
    String size =
        pvc.spec().resources == null || pvc.spec.resources.requests == null
            ? null
            : pvc.spec.resources.requests.get("storage");
    pv.spec.capacity.put("storage", size == null ? "0" : size);
    pv.spec.accessModes = pvc.spec.accessModes;
    pv.spec.persistentVolumeReclaimPolicy = sc.reclaimPolicy == null ? "Delete" : sc.reclaimPolicy;
    pv.spec.storageClassName = pvc.spec.storageClassName;
    pv.spec.volumeMode = "Filesystem";
    pv.spec.hostPath = new HostPathVolumeSource();
    pv.spec.hostPath.path = dir.toAbsolutePath().toString();
    pv.spec.hostPath.type = "DirectoryOrCreate";
    ObjectReference ref = new ObjectReference();
    ref.kind = PersistentVolumeClaim.KIND;
    ref.apiVersion = PersistentVolumeClaim.API_VERSION;
    ref.namespace = pvc.meta().namespace;
    ref.name = pvc.meta().name;
    ref.uid = pvc.meta().uid;
    ref.resourceVersion = pvc.meta().resourceVersion;
    pv.spec.claimRef = ref;
    pv.spec.nodeAffinity =
        Map.of(
            "required",
            Map.of(
                "nodeSelectorTerms",
                List.of(
                    Map.of(
                        "matchExpressions",
                        List.of(
                            Map.of(
                                "key",
                                "kubernetes.io/hostname",
                                "operator",
                                "In",
                                "values",
                                List.of(hostname)))))));
    return pv;
  }

  private void reclaim(PersistentVolume pv) {
    Map<String, String> a = pv.meta().annotations;
    if (a == null
        || !PROVISIONER.equals(a.get(PROVISIONED_BY))
        || !nodeName.equals(a.get(NODE_ANNOTATION))
        || !"Released".equals(pv.status().phase)
        || !"Delete".equals(pv.spec().persistentVolumeReclaimPolicy)
        || pv.meta().deletionTimestamp != null
        || pv.spec.hostPath == null
        || !busy.add(pv.meta().name)) {
      return;
    }
    Path dir = Path.of(pv.spec.hostPath.path).normalize();
    if (!dir.startsWith(storageDir.toAbsolutePath().normalize())) {
      LOG.warn("not deleting {}: {} is outside {}", pv.meta().name, dir, storageDir);
      busy.remove(pv.meta().name);
      return;
    }
    blocking
        .executeBlocking(
            () -> {
              FileTrees.delete(dir);
              return null;
            },
            false)
        .compose(
            v -> client.delete(PersistentVolume.class, null, pv.meta().name, DeleteOptions.none()))
        .onSuccess(v -> LOG.info("deleted {} and {}", pv.meta().name, dir))
        .onFailure(e -> LOG.warn("reclaiming {} failed: {}", pv.meta().name, e.getMessage()))
        .onComplete(ar -> busy.remove(pv.meta().name));
  }
}
