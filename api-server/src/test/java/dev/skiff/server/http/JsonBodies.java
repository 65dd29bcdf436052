package dev.skiff.server.http;

/** JSON bodies for HTTP tests. */
final class JsonBodies {
  private JsonBodies() {}

  static String pod(String name) {
    return pod(name, "{\"app\":\"web\"}");
  }

  static String pod(String name, String labelsJson) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
        + name
        + "\",\"labels\":"
        + labelsJson
        + "},\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox\"}]}}";
  }

  static String namespace(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
        + name
        + "\"}}";
  }

  static String deployment(String name, int replicas) {
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"spec\":{\"replicas\":"
        + replicas
        + ",\"selector\":{\"matchLabels\":{\"app\":\""
        + name
        + "\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\""
        + name
        + "\"}},\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox\"}]}}}}";
  }

  static String statefulSet(String name, int replicas) {
    return deployment(name, replicas)
        .replace("\"kind\":\"Deployment\"", "\"kind\":\"StatefulSet\"")
        .replace(
            "\"spec\":{\"replicas\"", "\"spec\":{\"serviceName\":\"" + name + "\",\"replicas\"");
  }
}
