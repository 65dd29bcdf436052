package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.cause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.defaults.Defaults;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.storage.StorageClass;
import org.junit.jupiter.api.Test;

/** PersistentVolumeClaims, PersistentVolumes and StorageClasses, their defaults and updates. */
class StorageValidationTest {
  static final String CLAIM =
      """
      {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data","namespace":"default"},
       "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}
      """;

  @Test
  void aClaimIsDefaultedProtectedAndValid() {
    PersistentVolumeClaim pvc = Cases.parse(CLAIM, PersistentVolumeClaim.class);
    Defaults.applyOnCreate(pvc);

    assertThat(Validation.validate(pvc, null)).isEmpty();
    assertThat(pvc.spec.volumeMode).isEqualTo("Filesystem");
    assertThat(pvc.status.phase).isEqualTo("Pending");
    assertThat(pvc.metadata.finalizers).containsExactly("kubernetes.io/pvc-protection");
  }

  @Test
  void aClaimNeedsAccessModesAndStorage() {
    PersistentVolumeClaim pvc = Cases.parse(CLAIM, PersistentVolumeClaim.class);
    pvc.spec.accessModes = java.util.List.of("ReadWriteSometimes");
    pvc.spec.resources.requests = java.util.Map.of("storage", "0");

    Cases.assertCauses(
        Validation.validate(pvc, null),
        cause(
            "spec.accessModes",
            "FieldValueNotSupported",
            "Unsupported value: \"ReadWriteSometimes\": supported values: \"ReadOnlyMany\","
                + " \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\""),
        cause(
            "spec.resources[storage]",
            "FieldValueInvalid",
            "Invalid value: \"0\": must be greater than zero"));

    pvc.spec.accessModes = null;
    pvc.spec.resources.requests = null;
    Cases.assertCauses(
        Validation.validate(pvc, null),
        cause(
            "spec.accessModes",
            "FieldValueRequired",
            "Required value: at least 1 access mode is required"),
        cause("spec.resources[storage]", "FieldValueRequired", "Required value"));
  }

  @Test
  void aClaimsSpecIsImmutableExceptTheBindAndTheDefaultClass() {
    PersistentVolumeClaim old = Cases.parse(CLAIM, PersistentVolumeClaim.class);
    PersistentVolumeClaim bound = Cases.copy(old);
    bound.spec.volumeName = "pvc-1";
    bound.spec.storageClassName = "local-path";
    assertThat(Validation.validate(bound, old)).isEmpty();

    PersistentVolumeClaim changed = Cases.copy(bound);
    changed.spec.accessModes = java.util.List.of("ReadWriteMany");
    Cases.assertCauses(
        Validation.validate(changed, bound),
        cause(
            "spec",
            "FieldValueForbidden",
            "Forbidden: spec is immutable after creation except resources.requests and"
                + " volumeAttributesClassName for bound claims"));
  }

  @Test
  void aVolumeNeedsCapacityAModeAndOneSource() {
    PersistentVolume pv =
        Cases.parse(
            """
            {"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv1"},
             "spec":{"capacity":{"storage":"1Gi"},"accessModes":["ReadWriteOnce"],
                     "hostPath":{"path":"/data/pv1"}}}
            """,
            PersistentVolume.class);
    assertThat(Validation.validate(pv, null)).isEmpty();
    assertThat(pv.spec.persistentVolumeReclaimPolicy).isEqualTo("Retain");
    assertThat(pv.status.phase).isEqualTo("Pending");

    pv.spec.hostPath = null;
    pv.spec.capacity = null;
    pv.spec.persistentVolumeReclaimPolicy = "Keep";
    Cases.assertCauses(
        Validation.validate(pv, null),
        cause("spec.capacity", "FieldValueRequired", "Required value"),
        cause(
            "spec.persistentVolumeReclaimPolicy",
            "FieldValueNotSupported",
            "Unsupported value: \"Keep\": supported values: \"Delete\", \"Recycle\", \"Retain\""),
        cause("spec", "FieldValueRequired", "Required value: must specify a volume type"));
  }

  @Test
  void aStorageClassIsDefaultedAndItsProvisionerCannotChange() {
    StorageClass sc =
        Cases.parse(
            """
            {"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"fast"},
             "provisioner":"example.com/fast"}
            """,
            StorageClass.class);
    assertThat(Validation.validate(sc, null)).isEmpty();
    assertThat(sc.reclaimPolicy).isEqualTo("Delete");
    assertThat(sc.volumeBindingMode).isEqualTo("Immediate");

    StorageClass changed = Cases.copy(sc);
    changed.provisioner = "example.com/slow";
    changed.volumeBindingMode = "WaitForFirstConsumer";
    Cases.assertCauses(
        Validation.validate(changed, sc),
        cause(
            "provisioner",
            "FieldValueForbidden",
            "Forbidden: updates to provisioner are forbidden."),
        cause(
            "volumeBindingMode",
            "FieldValueInvalid",
            "Invalid value: \"WaitForFirstConsumer\": field is immutable"));

    StorageClass none = Cases.copy(sc);
    none.provisioner = "";
    Cases.assertCauses(
        Validation.validate(none, null),
        cause("provisioner", "FieldValueRequired", "Required value"));
  }
}
