package dev.skiff.server.discovery;

import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The served group-versions, in discovery order, derived from {@link Resources#ALL} and then {@link
 * ComputedResources#ALL}.
 */
public final class ApiGroups {
  /** group-version ("v1", "apps/v1") to its resources, core first. */
  private static final Map<String, List<ResourceType>> BY_GROUP_VERSION = new LinkedHashMap<>();

  static {
    for (ResourceType t : Resources.ALL) {
      if (t.group().isEmpty()) {
        BY_GROUP_VERSION.computeIfAbsent(t.apiVersion(), k -> new ArrayList<>()).add(t);
      }
    }
    for (ResourceType t : Resources.ALL) {
      if (!t.group().isEmpty()) {
        BY_GROUP_VERSION.computeIfAbsent(t.apiVersion(), k -> new ArrayList<>()).add(t);
      }
    }
    for (ResourceType t : ComputedResources.ALL) {
      BY_GROUP_VERSION.computeIfAbsent(t.apiVersion(), k -> new ArrayList<>()).add(t);
    }
  }

  private ApiGroups() {}

  /**
   * The built-in group-versions followed by those of {@code custom} (kinds defined at run time, in
   * version priority order within a group), group-version to its resources.
   */
  public static Map<String, List<ResourceType>> withCustom(List<ResourceType> custom) {
    Map<String, List<ResourceType>> all = new LinkedHashMap<>();
    BY_GROUP_VERSION.forEach((gv, types) -> all.put(gv, new ArrayList<>(types)));
    for (ResourceType t : custom) {
      all.computeIfAbsent(t.apiVersion(), k -> new ArrayList<>()).add(t);
    }
    return all;
  }

  /** The versions of {@code group} in {@code groupVersions}, preferred first. */
  static List<String> versionsOf(String group, Map<String, List<ResourceType>> groupVersions) {
    return groupVersions.keySet().stream()
        .filter(gv -> gv.startsWith(group + "/"))
        .map(gv -> gv.substring(group.length() + 1))
        .toList();
  }

  /** Named groups (not the core group), in order, each with one version. */
  public static List<String> namedGroupVersions() {
    return BY_GROUP_VERSION.keySet().stream().filter(gv -> gv.contains("/")).toList();
  }

  public static List<String> groupVersions() {
    return List.copyOf(BY_GROUP_VERSION.keySet());
  }

  /** Resources of a group-version; empty when it is not served. */
  public static List<ResourceType> resources(String groupVersion) {
    return BY_GROUP_VERSION.getOrDefault(groupVersion, List.of());
  }

  public static boolean servesGroup(String group) {
    return namedGroupVersions().stream().anyMatch(gv -> gv.startsWith(group + "/"));
  }

  /** The one served version of a named group. */
  public static String versionOf(String group) {
    return namedGroupVersions().stream()
        .filter(gv -> gv.startsWith(group + "/"))
        .map(gv -> gv.substring(group.length() + 1))
        .findFirst()
        .orElseThrow();
  }

  static String group(String groupVersion) {
    int slash = groupVersion.indexOf('/');
    return slash < 0 ? "" : groupVersion.substring(0, slash);
  }

  static String version(String groupVersion) {
    int slash = groupVersion.indexOf('/');
    return slash < 0 ? groupVersion : groupVersion.substring(slash + 1);
  }
}
