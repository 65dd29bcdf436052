package dev.skiff.agent.pod.volume;

import dev.skiff.agent.pod.env.FieldRefs;
import dev.skiff.agent.pod.env.ResourceFieldRefs;
import dev.skiff.api.model.core.Base64Data;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.DownwardAPIVolumeFile;
import dev.skiff.api.model.core.KeyToPath;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the kubelet writes into ConfigMap, Secret and downward API volumes, pure: relative path to
 * content and mode. Every key (data and binaryData, Secret values decoded) or only the listed
 * {@code items} (a missing key is an error unless the source is optional); an item's mode wins over
 * the default mode. Downward API files: a field's value, or for {@code metadata.labels} and {@code
 * metadata.annotations} one {@code key="value"} line per entry, sorted.
 */
public final class Payloads {
  private Payloads() {}

  /**
   * @param cm the ConfigMap, or null when it does not exist
   */
  public static Map<String, FileContent> configMap(
      String volume,
      String name,
      ConfigMap cm,
      List<KeyToPath> items,
      int defaultMode,
      boolean optional) {
    if (cm == null) {
      if (optional) {
        return Map.of();
      }
      throw new VolumeFailure(volume, "configmap \"" + name + "\" not found");
    }
    Map<String, byte[]> data = new TreeMap<>();
    if (cm.data != null) {
      cm.data.forEach(
          (k, v) -> data.put(k, v == null ? new byte[0] : v.getBytes(StandardCharsets.UTF_8)));
    }
    if (cm.binaryData != null) {
      cm.binaryData.forEach((k, v) -> data.put(k, Base64Data.decode(v)));
    }
    return keys(
        volume,
        data,
        items,
        defaultMode,
        optional,
        "configmap references non-existent config key: ");
  }

  /**
   * @param secret the Secret, or null when it does not exist
   */
  public static Map<String, FileContent> secret(
      String volume,
      String name,
      Secret secret,
      List<KeyToPath> items,
      int defaultMode,
      boolean optional) {
    if (secret == null) {
      if (optional) {
        return Map.of();
      }
      throw new VolumeFailure(volume, "secret \"" + name + "\" not found");
    }
    Map<String, byte[]> data = new TreeMap<>();
    if (secret.data != null) {
      secret.data.forEach((k, v) -> data.put(k, Base64Data.decode(v)));
    }
    return keys(volume, data, items, defaultMode, optional, "references non-existent secret key: ");
  }

  private static Map<String, FileContent> keys(
      String volume,
      Map<String, byte[]> data,
      List<KeyToPath> items,
      int defaultMode,
      boolean optional,
      String missing) {
    Map<String, FileContent> files = new LinkedHashMap<>();
    if (items == null || items.isEmpty()) {
      data.forEach((k, v) -> files.put(k, new FileContent(v, defaultMode)));
      return files;
    }
    for (KeyToPath item : items) {
      byte[] value = data.get(item.key);
      if (value == null) {
        if (optional) {
          continue;
        }
        throw new VolumeFailure(volume, missing + item.key);
      }
      files.put(item.path, new FileContent(value, item.mode != null ? item.mode : defaultMode));
    }
    return files;
  }

  /**
   * @param allocatable the node's allocatable (the default of unset limits)
   */
  public static Map<String, FileContent> downwardApi(
      String volume,
      Pod pod,
      List<DownwardAPIVolumeFile> items,
      int defaultMode,
      Map<String, String> allocatable) {
    Map<String, FileContent> files = new LinkedHashMap<>();
    if (items == null) {
      return files;
    }
    for (DownwardAPIVolumeFile f : items) {
      String value;
      try {
        if (f.fieldRef != null) {
          value = field(pod, f.fieldRef.fieldPath);
        } else if (f.resourceFieldRef != null) {
          value = ResourceFieldRefs.resolve(pod, null, f.resourceFieldRef, allocatable);
        } else {
          continue;
        }
      } catch (RuntimeException e) {
        throw new VolumeFailure(volume, e.getMessage());
      }
      files.put(
          f.path,
          new FileContent(
              value.getBytes(StandardCharsets.UTF_8), f.mode != null ? f.mode : defaultMode));
    }
    return files;
  }

  private static String field(Pod pod, String path) {
    return switch (path == null ? "" : path) {
      case "metadata.labels" -> formatMap(pod.meta().labels);
      case "metadata.annotations" -> formatMap(pod.meta().annotations);
      default -> FieldRefs.resolve(pod, path, null, null);
    };
  }

  /** fieldpath.FormatMap: {@code key="value"} lines sorted by key, Go-quoted values. */
  static String formatMap(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    new TreeMap<>(map).forEach((k, v) -> lines.add(k + "=" + goQuote(v)));
    return String.join("\n", lines);
  }

  /** strconv.Quote for the characters labels and annotations hold. */
  static String goQuote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
