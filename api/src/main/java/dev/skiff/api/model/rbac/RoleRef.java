package dev.skiff.api.model.rbac;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skiff.api.model.meta.Extensible;

/** rbac/v1 RoleRef: the Role or ClusterRole a binding grants; it cannot change. */
@JsonPropertyOrder({"apiGroup", "kind", "name"})
public class RoleRef extends Extensible {
  public String apiGroup;
  public String kind;
  public String name;

  public RoleRef() {}

  public RoleRef(String apiGroup, String kind, String name) {
    this.apiGroup = apiGroup;
    this.kind = kind;
    this.name = name;
  }
}
