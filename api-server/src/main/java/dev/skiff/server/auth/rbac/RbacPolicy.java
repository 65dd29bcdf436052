package dev.skiff.server.auth.rbac;

import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.ClusterRoleBinding;
import dev.skiff.api.model.rbac.Role;
import dev.skiff.api.model.rbac.RoleBinding;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The RBAC objects the authorizer reads: Roles, ClusterRoles and both kinds of bindings, by
 * namespace and name. Thread-safe (the authorizer reads on event loops, escalation checks on
 * workers); {@link RbacCache} keeps it current from the store.
 */
public final class RbacPolicy {
  private final Map<String, ClusterRole> clusterRoles = new ConcurrentHashMap<>();
  private final Map<String, Role> roles = new ConcurrentHashMap<>();
  private final Map<String, ClusterRoleBinding> clusterBindings = new ConcurrentSkipListMap<>();
  private final Map<String, Map<String, RoleBinding>> bindings = new ConcurrentHashMap<>();

  /** Adds or replaces one object of the four kinds (others are ignored). */
  public void put(KubeObject object) {
    String name = object.meta().name;
    String namespace = object.meta().namespace;
    if (object instanceof ClusterRole r) {
      clusterRoles.put(name, r);
    } else if (object instanceof Role r) {
      roles.put(namespace + "/" + name, r);
    } else if (object instanceof ClusterRoleBinding b) {
      clusterBindings.put(name, b);
    } else if (object instanceof RoleBinding b) {
      bindings.computeIfAbsent(namespace, k -> new ConcurrentSkipListMap<>()).put(name, b);
    }
  }

  /** Removes one object of the given kind ("Role", "ClusterRole", ...). */
  public void remove(String kind, String namespace, String name) {
    switch (kind) {
      case ClusterRole.KIND -> clusterRoles.remove(name);
      case Role.KIND -> roles.remove(namespace + "/" + name);
      case ClusterRoleBinding.KIND -> clusterBindings.remove(name);
      case RoleBinding.KIND -> {
        Map<String, RoleBinding> in = bindings.get(namespace);
        if (in != null) {
          in.remove(name);
        }
      }
      default -> {}
    }
  }

  /** Forgets every object of one kind (before a relist fills it again). */
  void clear(String kind) {
    switch (kind) {
      case ClusterRole.KIND -> clusterRoles.clear();
      case Role.KIND -> roles.clear();
      case ClusterRoleBinding.KIND -> clusterBindings.clear();
      case RoleBinding.KIND -> bindings.clear();
      default -> {}
    }
  }

  public ClusterRole clusterRole(String name) {
    return clusterRoles.get(name);
  }

  public Role role(String namespace, String name) {
    return roles.get(namespace + "/" + name);
  }

  public Collection<ClusterRole> clusterRoles() {
    return clusterRoles.values();
  }

  /** ClusterRoleBindings by name. */
  public Collection<ClusterRoleBinding> clusterRoleBindings() {
    return clusterBindings.values();
  }

  /** The RoleBindings of one namespace, by name. */
  public Collection<RoleBinding> roleBindings(String namespace) {
    Map<String, RoleBinding> in = bindings.get(namespace);
    return in == null ? List.of() : in.values();
  }
}
