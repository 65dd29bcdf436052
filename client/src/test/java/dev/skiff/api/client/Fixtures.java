package dev.skiff.api.client;

import java.util.Arrays;
import java.util.stream.Collectors;

/** JSON snippets for scripted answers. */
public final class Fixtures {
  private Fixtures() {}

  public static String pod(String name, String rv) {
    return pod("default", name, rv, "");
  }

  public static String pod(String namespace, String name, String rv, String labelsJson) {
    String labels = labelsJson.isEmpty() ? "" : ",\"labels\":" + labelsJson;
    return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\""
        + namespace
        + "\",\"resourceVersion\":\""
        + rv
        + "\""
        + labels
        + "}}";
  }

  public static String podList(String rv, String... items) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\""
        + rv
        + "\"},\"items\":["
        + Arrays.stream(items).collect(Collectors.joining(","))
        + "]}";
  }

  public static String bookmark(String rv) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"resourceVersion\":\""
        + rv
        + "\"}}";
  }

  public static String status(int code, String reason, String message) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\""
        + message
        + "\",\"reason\":\""
        + reason
        + "\",\"code\":"
        + code
        + "}";
  }
}
