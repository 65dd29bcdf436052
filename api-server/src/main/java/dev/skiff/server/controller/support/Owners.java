package dev.skiff.server.controller.support;

import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.OwnerReference;
import java.util.ArrayList;
import java.util.List;

/** ownerReferences helpers. */
public final class Owners {
  private Owners() {}

  /** A controller reference to {@code owner} (controller and blockOwnerDeletion true). */
  public static OwnerReference controllerRef(KubeObject owner) {
    OwnerReference ref = new OwnerReference();
    ref.apiVersion = owner.apiVersion;
    ref.kind = owner.kind;
    ref.name = owner.meta().name;
    ref.uid = owner.meta().uid;
    ref.controller = true;
    ref.blockOwnerDeletion = true;
    return ref;
  }

  /** The controller owner reference, or null. */
  public static OwnerReference controllerOf(KubeObject object) {
    List<OwnerReference> refs = object.meta().ownerReferences;
    if (refs == null) {
      return null;
    }
    for (OwnerReference ref : refs) {
      if (Boolean.TRUE.equals(ref.controller)) {
        return ref;
      }
    }
    return null;
  }

  /** True when {@code object}'s controller is the object with uid {@code ownerUid}. */
  public static boolean isControlledBy(KubeObject object, String ownerUid) {
    OwnerReference ref = controllerOf(object);
    return ref != null && ownerUid != null && ownerUid.equals(ref.uid);
  }

  /** The {@code namespace/name} key of {@code object}'s controller when it is of {@code kind}. */
  public static List<String> controllerKey(KubeObject object, String kind) {
    OwnerReference ref = controllerOf(object);
    if (ref == null || !kind.equals(ref.kind)) {
      return List.of();
    }
    return List.of(dev.skiff.api.client.informer.Keys.of(object.meta().namespace, ref.name));
  }

  public static List<OwnerReference> listOf(OwnerReference ref) {
    List<OwnerReference> refs = new ArrayList<>();
    refs.add(ref);
    return refs;
  }

  public static boolean isDeleting(KubeObject object) {
    return object.meta().deletionTimestamp != null;
  }
}
