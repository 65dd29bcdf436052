package dev.skiff.server.discovery;

import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import java.util.List;

/** The verbs discovery advertises for resources and subresources. */
public final class Verbs {
  static final List<String> ALL =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  static final List<String> NO_COLLECTION_DELETE =
      List.of("create", "delete", "get", "list", "patch", "update", "watch");
  static final List<String> GET = List.of("get");
  static final List<String> GET_PATCH_UPDATE = List.of("get", "patch", "update");
  static final List<String> CREATE = List.of("create");

  private Verbs() {}

  public static List<String> of(ResourceType type) {
    List<String> computed = ComputedResources.verbs(type);
    if (computed != null) {
      return computed;
    }
    return type == Resources.NAMESPACES ? NO_COLLECTION_DELETE : ALL;
  }

  /** Subresource verbs; "log" is read-only, "binding" is create-only. */
  public static List<String> ofSubresource(String subresource) {
    return switch (subresource) {
      case "log" -> GET;
      case "binding" -> CREATE;
      default -> GET_PATCH_UPDATE;
    };
  }
}
