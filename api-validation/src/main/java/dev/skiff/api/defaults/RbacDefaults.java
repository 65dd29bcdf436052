package dev.skiff.api.defaults;

import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.rbac.ClusterRoleBinding;
import dev.skiff.api.model.rbac.RoleBinding;
import dev.skiff.api.model.rbac.RoleRef;
import dev.skiff.api.model.rbac.Subject;
import java.util.List;

/**
 * rbac/v1 defaults: a binding's {@code roleRef.apiGroup} and a User or Group subject's {@code
 * apiGroup} default to rbac.authorization.k8s.io (a ServiceAccount subject's stays empty).
 */
final class RbacDefaults {
  static final String GROUP = "rbac.authorization.k8s.io";

  private RbacDefaults() {}

  static void apply(KubeObject obj) {
    if (obj instanceof RoleBinding b) {
      binding(b.roleRef, b.subjects);
    } else if (obj instanceof ClusterRoleBinding b) {
      binding(b.roleRef, b.subjects);
    }
  }

  private static void binding(RoleRef ref, List<Subject> subjects) {
    if (ref != null && (ref.apiGroup == null || ref.apiGroup.isEmpty())) {
      ref.apiGroup = GROUP;
    }
    if (subjects == null) {
      return;
    }
    for (Subject s : subjects) {
      if ((s.apiGroup == null || s.apiGroup.isEmpty())
          && (Subject.USER.equals(s.kind) || Subject.GROUP.equals(s.kind))) {
        s.apiGroup = GROUP;
      }
    }
  }
}
