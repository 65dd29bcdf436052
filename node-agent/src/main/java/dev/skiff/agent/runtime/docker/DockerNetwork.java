package dev.skiff.agent.runtime.docker;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The node's pod network: a Docker bridge network on the node's pod CIDR, created if missing. It is
 * internal: containers reach this host (and, through local routes, Service IPs on it) but nothing
 * beyond it.
 */
final class DockerNetwork {
  private DockerNetwork() {}

  /**
   * @param labels the labels of a network this call creates (the node's owner labels)
   */
  static Future<Void> ensure(DockerClient docker, String name, String subnet, JsonObject labels) {
    return docker
        .get("/networks/" + URLEncoder.encode(name, StandardCharsets.UTF_8))
        .compose(existing -> check(existing, name, subnet))
        .recover(
            e -> {
              if (!DockerException.isNotFound(e)) {
                return Future.failedFuture(e);
              }
              return docker.post("/networks/create", body(name, subnet, labels)).mapEmpty();
            });
  }

  static JsonObject body(String name, String subnet, String node) {
    return body(name, subnet, Labels.owner(node, null));
  }

  static JsonObject body(String name, String subnet, JsonObject labels) {
    return new JsonObject()
        .put("Name", name)
        .put("Driver", "bridge")
        .put("Internal", true)
        .put("CheckDuplicate", true)
        .put("Labels", labels.copy())
        .put(
            "IPAM",
            new JsonObject()
                .put("Driver", "default")
                .put("Config", new JsonArray().add(new JsonObject().put("Subnet", subnet))));
  }

  private static Future<Void> check(JsonObject existing, String name, String subnet) {
    JsonArray configs =
        existing.getJsonObject("IPAM", new JsonObject()).getJsonArray("Config", new JsonArray());
    for (Object c : configs) {
      if (subnet.equals(((JsonObject) c).getString("Subnet"))) {
        return Future.succeededFuture();
      }
    }
    return Future.failedFuture(
        new IllegalStateException(
            "Docker network "
                + name
                + " exists with another subnet than the node's pod CIDR "
                + subnet
                + ": remove it (docker network rm "
                + name
                + ")"));
  }
}
