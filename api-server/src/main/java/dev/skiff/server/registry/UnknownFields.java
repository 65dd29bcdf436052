package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.core.Volume;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.UndeclaredFields;
import dev.skiff.api.resource.ResourceType;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fields an object carries that its kind does not declare: what the model's classes keep aside
 * ({@link UndeclaredFields}). kube-apiserver drops them always (pruning) and, by the request's
 * {@link FieldValidation}, warns about or refuses them. The one exception is a Volume, whose model
 * leaves its sources (emptyDir, configMap, ...) undeclared on purpose.
 */
final class UnknownFields {
  /** The sources of a core/v1 Volume: declared by Kubernetes, loose in the model. */
  private static final Set<String> VOLUME_SOURCES =
      Set.of(
          "hostPath",
          "emptyDir",
          "gcePersistentDisk",
          "awsElasticBlockStore",
          "gitRepo",
          "secret",
          "nfs",
          "iscsi",
          "glusterfs",
          "persistentVolumeClaim",
          "rbd",
          "flexVolume",
          "cinder",
          "cephfs",
          "flocker",
          "downwardAPI",
          "fc",
          "azureFile",
          "configMap",
          "vsphereVolume",
          "quobyte",
          "azureDisk",
          "photonPersistentDisk",
          "projected",
          "portworxVolume",
          "scaleIO",
          "storageos",
          "csi",
          "ephemeral",
          "image");

  private UnknownFields() {}

  /**
   * The paths of the undeclared fields of {@code object} as Kubernetes names them ({@code
   * spec.ports[0].bogus}), in document order; none when it does not decode (admission says why).
   */
  static List<String> of(ResourceType type, ObjectNode object) {
    KubeObject typed;
    try {
      typed = Json.convert(object, type.type());
    } catch (UncheckedIOException | IllegalArgumentException e) {
      return List.of();
    }
    List<String> paths = new ArrayList<>();
    UndeclaredFields.walk(
        typed,
        (owner, path, name) -> {
          if (!isVolumeSource(owner, name)) {
            paths.add(path);
          }
          return false;
        });
    return paths;
  }

  /** Drops the undeclared fields of a decoded object, everywhere in it. */
  static void prune(KubeObject object) {
    UndeclaredFields.walk(object, (owner, path, name) -> !isVolumeSource(owner, name));
  }

  private static boolean isVolumeSource(Object owner, String name) {
    return owner instanceof Volume && VOLUME_SOURCES.contains(name);
  }
}
