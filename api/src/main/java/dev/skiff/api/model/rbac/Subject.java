package dev.skiff.api.model.rbac;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skiff.api.model.meta.Extensible;

/** rbac/v1 Subject: a User, Group or ServiceAccount a binding grants its role to. */
@JsonPropertyOrder({"kind", "apiGroup", "name", "namespace"})
public class Subject extends Extensible {
  public static final String USER = "User";
  public static final String GROUP = "Group";
  public static final String SERVICE_ACCOUNT = "ServiceAccount";

  public String kind;
  public String apiGroup;
  public String name;
  public String namespace;

  public Subject() {}

  public Subject(String kind, String apiGroup, String name, String namespace) {
    this.kind = kind;
    this.apiGroup = apiGroup;
    this.name = name;
    this.namespace = namespace;
  }
}
