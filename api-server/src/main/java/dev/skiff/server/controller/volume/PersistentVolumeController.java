package dev.skiff.server.controller.volume;

import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.defaults.StorageDefaults;
import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Volume;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.Times;
import dev.skiff.api.model.storage.StorageClass;
import dev.skiff.server.controller.endpoints.ServiceMembers;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kubernetes' persistentvolume-binder and pvc-protection / pv-protection controllers in one: a
 * claim without a class gets the default class; a pending claim binds to a matching Available
 * volume (or to the volume a provisioner made for it); a claim of a provisioned class is handed to
 * its provisioner (at once, or once the scheduler picked a node for a WaitForFirstConsumer class);
 * claims and volumes get their phases (Pending, Bound, Lost; Available, Bound, Released); and the
 * protection finalizers go once nothing uses the object. Keys are {@code pvc:NS/NAME} and {@code
 * pv:NAME}.
 */
public final class PersistentVolumeController extends QueueController {
  private static final String CLAIM = "pvc:";
  private static final String VOLUME = "pv:";
  private static final String DEFAULT_CLASS = "storageclass";

  private final KubeClient client;
  private final Informer<PersistentVolumeClaim> claims;
  private final Informer<PersistentVolume> volumes;
  private final Informer<StorageClass> classes;
  private final Informer<Pod> pods;
  private final EventRecorder events;
  private final Clock clock;
  private boolean classEnsured;

  public PersistentVolumeController(
      Vertx vertx, SharedInformers informers, EventRecorder events, Clock clock) {
    super(vertx, "persistentvolume", 1);
    this.clock = clock;
    this.client = informers.client();
    this.claims = informers.of(PersistentVolumeClaim.class);
    this.volumes = informers.of(PersistentVolume.class);
    this.classes = informers.of(StorageClass.class);
    this.pods = informers.of(Pod.class);
    this.events = events;
    watch(claims, pvc -> claimKeys(pvc));
    watch(volumes, pv -> volumeKeys(pv));
    watch(classes, sc -> claims.list().stream().map(c -> CLAIM + Keys.of(c)).toList());
    watchChanges(pods, PersistentVolumeController::claimsOf);
    enqueue(DEFAULT_CLASS);
  }

  private static List<String> claimKeys(PersistentVolumeClaim pvc) {
    List<String> keys = new ArrayList<>();
    keys.add(CLAIM + Keys.of(pvc));
    String volume = pvc.spec().volumeName;
    if (volume != null && !volume.isEmpty()) {
      keys.add(VOLUME + volume);
    }
    return keys;
  }

  private static List<String> volumeKeys(PersistentVolume pv) {
    List<String> keys = new ArrayList<>();
    keys.add(VOLUME + pv.meta().name);
    ObjectReference ref = pv.spec().claimRef;
    if (ref != null && ref.name != null) {
      keys.add(CLAIM + Keys.of(ref.namespace, ref.name));
    }
    return keys;
  }

  /** The claim keys of the PersistentVolumeClaims a pod mounts. */
  static List<String> claimsOf(Pod pod) {
    List<String> keys = new ArrayList<>();
    for (String claim : claimNames(pod)) {
      keys.add(CLAIM + Keys.of(pod.meta().namespace, claim));
    }
    return keys;
  }

  static List<String> claimNames(Pod pod) {
    List<String> names = new ArrayList<>();
    if (pod.spec != null && pod.spec.volumes != null) {
      for (Volume v : pod.spec.volumes) {
        if (v.persistentVolumeClaim != null && v.persistentVolumeClaim.claimName != null) {
          names.add(v.persistentVolumeClaim.claimName);
        }
      }
    }
    return names;
  }

  @Override
  protected Future<Void> sync(String key) {
    Future<?> write;
    if (key.equals(DEFAULT_CLASS)) {
      write = ensureDefaultClass();
    } else if (key.startsWith(CLAIM)) {
      write = syncClaim(key.substring(CLAIM.length()));
    } else {
      write = syncVolume(key.substring(VOLUME.length()));
    }
    // Conflict or NotFound: the cache is behind; the informer's event brings the key back.
    return write
        .<Void>mapEmpty()
        .recover(
            e ->
                Errors.isConflict(e) || Errors.isNotFound(e) || Errors.isAlreadyExists(e)
                    ? Future.succeededFuture()
                    : Future.failedFuture(e));
  }

  /**
   * The built-in {@code local-path} class (the default unless another class is), created once per
   * term of this controller when no class of that name exists, as k3s ships it.
   */
  private Future<?> ensureDefaultClass() {
    if (classEnsured || classes.get(LocalPath.CLASS_NAME) != null) {
      classEnsured = true;
      return Future.succeededFuture();
    }
    boolean otherDefault = VolumeBinding.defaultClass(classes.list()) != null;
    return client
        .create(LocalPath.storageClass(!otherDefault))
        .onSuccess(sc -> classEnsured = true);
  }

  private Future<?> syncClaim(String key) {
    PersistentVolumeClaim cached = claims.get(key);
    if (cached == null) {
      return Future.succeededFuture();
    }
    PersistentVolumeClaim pvc = Json.copy(cached, PersistentVolumeClaim.class);
    if (pvc.meta().deletionTimestamp != null) {
      return inUse(pvc)
          ? Future.succeededFuture()
          : removeFinalizer(pvc, StorageDefaults.PVC_PROTECTION);
    }
    if (pvc.spec().storageClassName == null) {
      String fallback = VolumeBinding.defaultClass(classes.list());
      if (fallback == null) {
        return Future.succeededFuture();
      }
      pvc.spec.storageClassName = fallback;
      return client.update(pvc);
    }
    String volumeName = pvc.spec.volumeName;
    if (volumeName == null || volumeName.isEmpty()) {
      return bindPending(pvc);
    }
    PersistentVolume pv = volumes.get(volumeName);
    if (pv == null) {
      events.warning(
          pvc,
          "ClaimLost",
          "Bound claim has lost reference to PersistentVolume. Data on the" + " volume is lost!");
      return status(pvc, "Lost", null);
    }
    if (pv.spec().claimRef == null) {
      return claimVolume(pv, pvc);
    }
    if (!VolumeBinding.refersTo(pv, pvc)) {
      return status(pvc, "Lost", null);
    }
    return status(pvc, "Bound", pv);
  }

  private Future<?> bindPending(PersistentVolumeClaim pvc) {
    PersistentVolume pv = VolumeBinding.match(pvc, volumes.list());
    if (pv != null) {
      if (pv.spec().claimRef == null) {
        return claimVolume(pv, pvc);
      }
      annotate(pvc, VolumeBinding.BIND_COMPLETED, "yes");
      annotate(pvc, VolumeBinding.BOUND_BY_CONTROLLER, "yes");
      pvc.spec().volumeName = pv.meta().name;
      return client.update(pvc);
    }
    StorageClass sc = classes.get(VolumeBinding.className(pvc));
    if (sc == null
        || sc.provisioner == null
        || "kubernetes.io/no-provisioner".equals(sc.provisioner)) {
      return status(pvc, "Pending", null);
    }
    boolean waits = "WaitForFirstConsumer".equals(sc.volumeBindingMode);
    Map<String, String> annotations = pvc.meta().annotations;
    if (waits && (annotations == null || !annotations.containsKey(VolumeBinding.SELECTED_NODE))) {
      events.normal(
          pvc, "WaitForFirstConsumer", "waiting for first consumer to be created before binding");
      return status(pvc, "Pending", null);
    }
    if (annotations != null
        && sc.provisioner.equals(annotations.get(VolumeBinding.STORAGE_PROVISIONER))) {
      events.normal(
          pvc,
          "ExternalProvisioning",
          "Waiting for a volume to be created either by the external provisioner '"
              + sc.provisioner
              + "' or manually by the system administrator. If volume creation is delayed,"
              + " please verify that the provisioner is running and correctly registered.");
      return status(pvc, "Pending", null);
    }
    annotate(pvc, VolumeBinding.STORAGE_PROVISIONER, sc.provisioner);
    annotate(pvc, VolumeBinding.BETA_STORAGE_PROVISIONER, sc.provisioner);
    return client.update(pvc);
  }

  /** Writes the claim into the volume's claimRef (the first half of a bind). */
  private Future<?> claimVolume(PersistentVolume cached, PersistentVolumeClaim pvc) {
    PersistentVolume pv = Json.copy(cached, PersistentVolume.class);
    ObjectReference ref = new ObjectReference();
    ref.kind = PersistentVolumeClaim.KIND;
    ref.apiVersion = PersistentVolumeClaim.API_VERSION;
    ref.namespace = pvc.meta().namespace;
    ref.name = pvc.meta().name;
    ref.uid = pvc.meta().uid;
    ref.resourceVersion = pvc.meta().resourceVersion;
    pv.spec().claimRef = ref;
    annotate(pv, VolumeBinding.BOUND_BY_CONTROLLER, "yes");
    return client.update(pv);
  }

  private Future<?> status(PersistentVolumeClaim pvc, String phase, PersistentVolume pv) {
    List<String> modes = pv == null ? pvc.status().accessModes : pv.spec().accessModes;
    Map<String, String> capacity = pv == null ? pvc.status().capacity : pv.spec().capacity;
    if (phase.equals(pvc.status().phase)
        && Objects.equals(modes, pvc.status.accessModes)
        && Objects.equals(capacity, pvc.status.capacity)) {
      return Future.succeededFuture();
    }
    pvc.status.phase = phase;
    pvc.status.accessModes = modes;
    pvc.status.capacity = capacity == null ? null : new LinkedHashMap<>(capacity);
    return client.updateStatus(pvc);
  }

  private Future<?> syncVolume(String name) {
    PersistentVolume cached = volumes.get(name);
    if (cached == null) {
      return Future.succeededFuture();
    }
    PersistentVolume pv = Json.copy(cached, PersistentVolume.class);
    ObjectReference ref = pv.spec().claimRef;
    PersistentVolumeClaim claim =
        ref == null || ref.name == null ? null : claims.get(ref.namespace, ref.name);
    String phase = VolumeBinding.volumePhase(pv, claim);
    if (pv.meta().deletionTimestamp != null && !"Bound".equals(phase)) {
      return removeFinalizer(pv, StorageDefaults.PV_PROTECTION);
    }
    if ("Failed".equals(pv.status().phase) || phase.equals(pv.status.phase)) {
      return Future.succeededFuture();
    }
    pv.status.phase = phase;
    pv.status.lastPhaseTransitionTime = Times.now(clock);
    return client.updateStatus(pv);
  }

  /** Whether a pod that has not finished mounts the claim (pvc-protection keeps it then). */
  private boolean inUse(PersistentVolumeClaim pvc) {
    for (Pod pod : pods.list(pvc.meta().namespace)) {
      if (!ServiceMembers.isTerminal(pod) && claimNames(pod).contains(pvc.meta().name)) {
        return true;
      }
    }
    return false;
  }

  private Future<?> removeFinalizer(KubeObject object, String finalizer) {
    List<String> finalizers = object.meta().finalizers;
    if (finalizers == null || !finalizers.contains(finalizer)) {
      return Future.succeededFuture();
    }
    finalizers.remove(finalizer);
    return client.update(object);
  }

  private static void annotate(KubeObject object, String key, String value) {
    if (object.meta().annotations == null) {
      object.metadata.annotations = new LinkedHashMap<>();
    }
    object.metadata.annotations.put(key, value);
  }
}
