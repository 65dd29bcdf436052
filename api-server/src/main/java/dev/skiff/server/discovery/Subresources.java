package dev.skiff.server.discovery;

import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import java.util.ArrayList;
import java.util.List;

/** Subresources served per kind, in discovery order, with their response kinds. */
public final class Subresources {
  /**
   * @param group the response kind's group; {@code kind} its kind
   */
  public record Sub(String name, String group, String version, String kind) {}

  private Subresources() {}

  public static List<Sub> of(ResourceType type) {
    List<Sub> subs = new ArrayList<>();
    if (type == Resources.PODS) {
      subs.add(new Sub("binding", "", "v1", "Binding"));
    }
    for (String name : List.of("log", "scale", "status")) {
      if (!type.subresources().contains(name)) {
        continue;
      }
      if (name.equals("scale")) {
        subs.add(new Sub(name, "autoscaling", "v1", "Scale"));
      } else {
        subs.add(new Sub(name, type.group(), type.version(), type.kind()));
      }
    }
    return subs;
  }
}
