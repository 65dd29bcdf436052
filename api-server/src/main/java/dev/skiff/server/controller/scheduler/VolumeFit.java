package dev.skiff.server.controller.scheduler;

import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Volume;
import dev.skiff.api.model.storage.StorageClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * kube-scheduler's VolumeBinding plugin, reduced to what local volumes need: every claim the pod
 * mounts must exist and not be deleting; a bound claim's volume must accept the node (its
 * nodeAffinity); an unbound claim must be of a WaitForFirstConsumer class, and the node chosen for
 * the pod becomes the claim's {@code volume.kubernetes.io/selected-node}, where its provisioner
 * creates the volume.
 *
 * @param error why the pod cannot be scheduled at all, or null
 * @param unbound the WaitForFirstConsumer claims to give the chosen node
 * @param bound the volumes of the bound claims
 */
record VolumeFit(String error, List<PersistentVolumeClaim> unbound, List<PersistentVolume> bound) {
  static final String CONFLICT = "node(s) had volume node affinity conflict";
  static final VolumeFit NONE = new VolumeFit(null, List.of(), List.of());

  static VolumeFit of(
      Pod pod,
      Function<String, PersistentVolumeClaim> claims,
      Function<String, PersistentVolume> volumes,
      Function<String, StorageClass> classes) {
    if (pod.spec == null || pod.spec.volumes == null) {
      return NONE;
    }
    List<PersistentVolumeClaim> unbound = new ArrayList<>();
    List<PersistentVolume> bound = new ArrayList<>();
    for (Volume v : pod.spec.volumes) {
      if (v.persistentVolumeClaim == null) {
        continue;
      }
      String name = v.persistentVolumeClaim.claimName;
      PersistentVolumeClaim pvc = claims.apply(name);
      if (pvc == null) {
        return failed("persistentvolumeclaim \"" + name + "\" not found");
      }
      if (pvc.meta().deletionTimestamp != null) {
        return failed("persistentvolumeclaim \"" + name + "\" is being deleted");
      }
      String volumeName = pvc.spec().volumeName;
      if (volumeName != null && !volumeName.isEmpty()) {
        PersistentVolume pv = volumes.apply(volumeName);
        if (pv == null) {
          return failed("pvc " + name + " bound to non-existent pv " + volumeName);
        }
        bound.add(pv);
        continue;
      }
      StorageClass sc =
          classes.apply(pvc.spec.storageClassName == null ? "" : pvc.spec.storageClassName);
      if (sc == null || !"WaitForFirstConsumer".equals(sc.volumeBindingMode)) {
        return failed("pod has unbound immediate PersistentVolumeClaims");
      }
      unbound.add(pvc);
    }
    return new VolumeFit(null, unbound, bound);
  }

  private static VolumeFit failed(String error) {
    return new VolumeFit(error, List.of(), List.of());
  }

  /** Why {@code node} cannot have the pod's volumes, or null. */
  String unfit(Node node) {
    for (PersistentVolume pv : bound) {
      if (!NodeAffinity.matches(pv.spec().nodeAffinity, node)) {
        return CONFLICT;
      }
    }
    return null;
  }

  /** A PersistentVolume's {@code nodeAffinity.required} against a node's labels and name. */
  static final class NodeAffinity {
    private NodeAffinity() {}

    @SuppressWarnings("unchecked")
    static boolean matches(Map<String, Object> affinity, Node node) {
      if (affinity == null || !(affinity.get("required") instanceof Map<?, ?> required)) {
        return true;
      }
      Object terms = ((Map<String, Object>) required).get("nodeSelectorTerms");
      if (!(terms instanceof List<?> list) || list.isEmpty()) {
        return true;
      }
      for (Object term : list) {
        if (term instanceof Map<?, ?> t && termMatches((Map<String, Object>) t, node)) {
          return true;
        }
      }
      return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean termMatches(Map<String, Object> term, Node node) {
      Map<String, String> labels = node.meta().labels == null ? Map.of() : node.meta().labels;
      Map<String, String> fields = Map.of("metadata.name", node.meta().name);
      boolean any = false;
      for (String part : List.of("matchExpressions", "matchFields")) {
        if (!(term.get(part) instanceof List<?> exprs)) {
          continue;
        }
        Map<String, String> values = part.equals("matchFields") ? fields : labels;
        for (Object e : exprs) {
          any = true;
          if (!(e instanceof Map<?, ?> m) || !expression((Map<String, Object>) m, values)) {
            return false;
          }
        }
      }
      return any;
    }

    private static boolean expression(Map<String, Object> e, Map<String, String> values) {
      String key = String.valueOf(e.get("key"));
      List<?> wanted = e.get("values") instanceof List<?> l ? l : List.of();
      String value = values.get(key);
      return switch (String.valueOf(e.get("operator"))) {
        case "In" -> value != null && wanted.contains(value);
        case "NotIn" -> value == null || !wanted.contains(value);
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        default -> false;
      };
    }
  }
}
