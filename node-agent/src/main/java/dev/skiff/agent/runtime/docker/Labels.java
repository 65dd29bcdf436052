package dev.skiff.agent.runtime.docker;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The labels that mark the containers of one node agent and tie them to pods. */
public final class Labels {
  static final String NODE = "dev.skiff.node";
  static final String POD_UID = "dev.skiff.pod.uid";
  static final String POD_NAME = "dev.skiff.pod.name";
  static final String POD_NAMESPACE = "dev.skiff.pod.namespace";
  static final String CONTAINER = "dev.skiff.container.name";
  static final String ATTEMPT = "dev.skiff.container.attempt";
  static final String SANDBOX = "dev.skiff.sandbox";

  /** The container's image as its status reports it ({@code docker-pullable://...}). */
  static final String IMAGE_REF = "dev.skiff.image.ref";

  /** Names the cluster a container or network belongs to; set by {@code DockerOptions.cluster}. */
  public static final String CLUSTER = "dev.skiff.cluster";

  private Labels() {}

  /** The labels that mark what one node agent owns: its node name and, if set, its cluster. */
  static JsonObject owner(String node, String cluster) {
    JsonObject labels = new JsonObject().put(NODE, node);
    if (cluster != null) {
      labels.put(CLUSTER, cluster);
    }
    return labels;
  }

  /** An engine list/events filter selecting everything that carries all of {@code labels}. */
  static JsonArray filter(JsonObject labels) {
    JsonArray filter = new JsonArray();
    labels.forEach(e -> filter.add(e.getKey() + "=" + e.getValue()));
    return filter;
  }
}
