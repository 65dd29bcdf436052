package dev.skiff.api.validation;

import dev.skiff.api.Json;
import dev.skiff.api.model.apps.RollingUpdateStatefulSetStrategy;
import dev.skiff.api.model.apps.StatefulSet;
import dev.skiff.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import dev.skiff.api.model.apps.StatefulSetSpec;
import dev.skiff.api.model.apps.StatefulSetUpdateStrategy;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.PersistentVolumeClaimSpec;
import dev.skiff.api.model.core.PodTemplateSpec;
import java.util.List;
import java.util.Objects;

/** apps/v1 ValidateStatefulSet and ValidateStatefulSetUpdate, with Kubernetes' messages. */
final class StatefulSetValidation {
  private static final List<String> RETENTION = List.of("Retain", "Delete");

  private StatefulSetValidation() {}

  static void validate(StatefulSet sts, ErrorList errs) {
    ObjectMetaValidation.validate(
        sts.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    StatefulSetSpec s = sts.spec == null ? new StatefulSetSpec() : sts.spec;
    FieldPath spec = FieldPath.root("spec");
    String policy = s.podManagementPolicy;
    if (policy == null || policy.isEmpty()) {
      errs.required(spec.child("podManagementPolicy"), "");
    } else if (!policy.equals("OrderedReady") && !policy.equals("Parallel")) {
      errs.invalid(
          spec.child("podManagementPolicy"), policy, "must be 'OrderedReady' or 'Parallel'");
    }
    updateStrategy(s.updateStrategy, spec.child("updateStrategy"), errs);
    retention(
        s.persistentVolumeClaimRetentionPolicy,
        spec.child("persistentVolumeClaimRetentionPolicy"),
        errs);
    PortRules.nonNegative(s.replicas, spec.child("replicas"), errs);
    PortRules.nonNegative(s.minReadySeconds, spec.child("minReadySeconds"), errs);
    if (s.ordinals != null) {
      PortRules.nonNegative(s.ordinals.start, spec.child("ordinals.start"), errs);
    }
    // The pods mount the claims of the templates: validate the template as its pods will be.
    PodTemplateSpec template = s.template;
    if (template != null && template.spec != null && s.volumeClaimTemplates != null) {
      template = Json.copy(template, PodTemplateSpec.class);
      String pod = (sts.metadata == null ? "" : sts.metadata.name) + "-0";
      template.spec.volumes = s.podVolumes(template.spec.volumes, pod);
    }
    WorkloadValidation.selectorAndTemplate(
        s.selector, template, spec, "statefulset", "StatefulSet", errs);
    claimTemplates(s.volumeClaimTemplates, spec.child("volumeClaimTemplates"), errs);
  }

  /** Each claim template is named (a pod volume name) and has a valid claim spec. */
  private static void claimTemplates(
      List<PersistentVolumeClaim> templates, FieldPath path, ErrorList errs) {
    if (templates == null) {
      return;
    }
    for (int i = 0; i < templates.size(); i++) {
      PersistentVolumeClaim t = templates.get(i);
      FieldPath at = path.index(i);
      String name = t.metadata == null ? null : t.metadata.name;
      if (name == null || name.isEmpty()) {
        errs.required(at.child("metadata", "name"), "name or generateName is required");
      } else {
        errs.invalidEach(
            at.child("metadata", "name"), name, NameRule.DNS1123_LABEL.check(name, false));
      }
      StorageValidation.claimSpec(
          t.spec == null ? new PersistentVolumeClaimSpec() : t.spec, at.child("spec"), errs);
    }
  }

  private static void updateStrategy(StatefulSetUpdateStrategy st, FieldPath path, ErrorList errs) {
    String type = st == null ? null : st.type;
    if (type == null || type.isEmpty()) {
      errs.required(path, "");
      return;
    }
    switch (type) {
      case "OnDelete" -> {
        if (st.rollingUpdate != null) {
          errs.invalid(
              path.child("rollingUpdate"),
              st.rollingUpdate,
              "only allowed for updateStrategy 'RollingUpdate'");
        }
      }
      case "RollingUpdate" -> {
        RollingUpdateStatefulSetStrategy ru = st.rollingUpdate;
        if (ru != null) {
          PortRules.nonNegative(ru.partition, path.child("rollingUpdate", "partition"), errs);
        }
      }
      default -> errs.invalid(path, st, "must be 'RollingUpdate' or 'OnDelete'");
    }
  }

  private static void retention(
      StatefulSetPersistentVolumeClaimRetentionPolicy p, FieldPath path, ErrorList errs) {
    if (p == null) {
      return;
    }
    if (p.whenDeleted != null && !RETENTION.contains(p.whenDeleted)) {
      errs.notSupported(path.child("whenDeleted"), p.whenDeleted, RETENTION);
    }
    if (p.whenScaled != null && !RETENTION.contains(p.whenScaled)) {
      errs.notSupported(path.child("whenScaled"), p.whenScaled, RETENTION);
    }
  }

  /** Only replicas, ordinals, template, updateStrategy and a few more may change. */
  static void validateUpdate(StatefulSet sts, StatefulSet old, ErrorList errs) {
    StatefulSetSpec next = Json.copy(sts.spec(), StatefulSetSpec.class);
    StatefulSetSpec before = old.spec();
    next.replicas = before.replicas;
    next.template = before.template;
    next.updateStrategy = before.updateStrategy;
    next.minReadySeconds = before.minReadySeconds;
    next.ordinals = before.ordinals;
    next.revisionHistoryLimit = before.revisionHistoryLimit;
    next.persistentVolumeClaimRetentionPolicy = before.persistentVolumeClaimRetentionPolicy;
    if (!Objects.equals(WorkloadValidation.tree(next), WorkloadValidation.tree(before))) {
      errs.forbidden(
          FieldPath.root("spec"),
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template',"
              + " 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy'"
              + " and 'minReadySeconds' are forbidden");
    }
  }
}
