package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * describe configmap, secret and serviceaccount in kubectl's layouts. Secrets show the size of each
 * value, never the value (a service-account token excepted, as kubectl does); keys are sorted
 * (kubectl prints them in Go's random map order).
 */
final class ConfigDescriber {
  private static final String TOKEN_TYPE = "kubernetes.io/service-account-token";
  private static final String ACCOUNT_NAME = "kubernetes.io/service-account.name";
  private static final String ACCOUNT_UID = "kubernetes.io/service-account.uid";

  private ConfigDescriber() {}

  static String configMap(DescribeInput in) {
    DescribeText w = in.text();
    header(w, in);
    w.raw(0, "\nData\n====\n");
    sorted(in.object().path("data"))
        .forEach((k, v) -> w.raw(0, k + ":\n----\n").raw(0, v.asText() + "\n").raw(0, "\n"));
    w.raw(0, "\nBinaryData\n====\n");
    sorted(in.object().path("binaryData"))
        .forEach((k, v) -> w.raw(0, k + ": " + bytes(v) + " bytes\n"));
    w.raw(0, "\n");
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  static String secret(DescribeInput in) {
    DescribeText w = in.text();
    header(w, in);
    String type = in.object().path("type").asText("");
    w.raw(0, "\n").line(0, "Type", type);
    w.raw(0, "\nData\n====\n");
    sorted(in.object().path("data"))
        .forEach(
            (k, v) -> {
              if (k.equals("token") && type.equals(TOKEN_TYPE)) {
                w.line(0, k, new String(Base64.getDecoder().decode(v.asText())));
              } else {
                w.line(0, k, bytes(v) + " bytes");
              }
            });
    return w.toString();
  }

  /** {@code related}: the Secrets of the namespace, for tokens and missing references. */
  static String serviceAccount(DescribeInput in) {
    DescribeText w = in.text();
    header(w, in);
    String name = in.meta().path("name").asText();
    String uid = in.meta().path("uid").asText("");
    Set<String> existing = new TreeSet<>();
    List<String> tokens = new ArrayList<>();
    for (JsonNode secret : in.related()) {
      existing.add(secret.path("metadata").path("name").asText());
      JsonNode annotations = secret.path("metadata").path("annotations");
      if (TOKEN_TYPE.equals(secret.path("type").asText())
          && name.equals(annotations.path(ACCOUNT_NAME).asText())
          && uid.equals(annotations.path(ACCOUNT_UID).asText())) {
        tokens.add(secret.path("metadata").path("name").asText());
      }
    }
    List<String> pull = names(in.object().path("imagePullSecrets"));
    List<String> mountable = names(in.object().path("secrets"));
    Set<String> missing = new TreeSet<>(pull);
    missing.addAll(mountable);
    missing.removeAll(existing);
    references(w, "Image pull secrets", pull, missing);
    references(w, "Mountable secrets", mountable, missing);
    references(w, "Tokens", tokens, Set.of());
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  private static void references(
      DescribeText w, String label, List<String> names, Set<String> missing) {
    if (names.isEmpty()) {
      w.line(0, label, DescribeText.NONE);
      return;
    }
    String prefix = label + ":";
    for (String n : names) {
      w.raw(0, prefix + "\t" + n + (missing.contains(n) ? " (not found)" : "") + "\n");
      prefix = "";
    }
  }

  private static List<String> names(JsonNode refs) {
    List<String> names = new ArrayList<>();
    refs.forEach(r -> names.add(r.path("name").asText()));
    return names;
  }

  private static void header(DescribeText w, DescribeInput in) {
    w.line(0, "Name", in.meta().path("name").asText());
    w.line(0, "Namespace", in.meta().path("namespace").asText());
    w.labels(0, "Labels", in.meta().path("labels"));
    w.annotations(0, "Annotations", in.meta().path("annotations"));
  }

  private static Map<String, JsonNode> sorted(JsonNode map) {
    Map<String, JsonNode> out = new TreeMap<>();
    map.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static int bytes(JsonNode base64) {
    return Base64.getDecoder().decode(base64.asText("")).length;
  }
}
