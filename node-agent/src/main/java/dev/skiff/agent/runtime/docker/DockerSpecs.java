package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.runtime.ContainerSpec;
import dev.skiff.agent.runtime.SandboxSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The bodies of {@code POST /containers/create}: a pod's sandbox (the pause container on the node's
 * network, with the pod's hostname and resolver settings) and its containers (joining the sandbox's
 * network namespace; command = Entrypoint, args = Cmd, as Kubernetes maps them). Pure.
 */
final class DockerSpecs {
  private DockerSpecs() {}

  static String sandboxName(SandboxSpec s) {
    return "skiff_POD_" + s.name() + "_" + s.namespace() + "_" + s.podUid();
  }

  static String containerName(ContainerSpec c) {
    return "skiff_"
        + c.name()
        + "_"
        + c.podName()
        + "_"
        + c.namespace()
        + "_"
        + c.podUid()
        + "_"
        + c.attempt();
  }

  static JsonObject sandbox(String node, SandboxSpec s, String network, String pauseImage) {
    JsonObject host =
        new JsonObject()
            .put("NetworkMode", network)
            .put("RestartPolicy", new JsonObject().put("Name", "no"));
    if (!s.dns().isHost()) {
      host.put("Dns", new JsonArray(s.dns().nameservers()))
          .put("DnsSearch", new JsonArray(s.dns().searches()))
          .put("DnsOptions", new JsonArray(s.dns().options()));
    }
    return new JsonObject()
        .put("Image", pauseImage)
        .put("Hostname", hostname(s.hostname()))
        .put(
            "Labels", labels(node, s.podUid(), s.name(), s.namespace()).put(Labels.SANDBOX, "true"))
        .put("HostConfig", host)
        .put(
            "NetworkingConfig",
            new JsonObject()
                .put("EndpointsConfig", new JsonObject().put(network, new JsonObject())));
  }

  static JsonObject container(String node, ContainerSpec c, String sandboxId) {
    JsonObject body =
        new JsonObject()
            .put("Image", c.image())
            .put("Env", env(c.env()))
            .put(
                "Labels",
                labels(node, c.podUid(), c.podName(), c.namespace())
                    .put(Labels.CONTAINER, c.name())
                    .put(Labels.ATTEMPT, String.valueOf(c.attempt())))
            .put(
                "HostConfig",
                new JsonObject()
                    .put("NetworkMode", "container:" + sandboxId)
                    .put("RestartPolicy", new JsonObject().put("Name", "no")));
    if (c.mounts() != null && !c.mounts().isEmpty()) {
      JsonArray binds = new JsonArray();
      c.mounts()
          .forEach(
              m ->
                  binds.add(
                      m.hostPath() + ":" + m.containerPath() + (m.readOnly() ? ":ro" : ":rw")));
      body.getJsonObject("HostConfig").put("Binds", binds);
    }
    if (c.command() != null) {
      body.put("Entrypoint", new JsonArray(c.command()));
      body.put("Cmd", new JsonArray(c.args() == null ? List.of() : c.args()));
    } else if (c.args() != null) {
      body.put("Cmd", new JsonArray(c.args()));
    }
    if (c.workingDir() != null) {
      body.put("WorkingDir", c.workingDir());
    }
    if (c.stdin()) {
      // stdin stays open for clients that attach (never a terminal: the logs stay multiplexed)
      body.put("OpenStdin", true).put("StdinOnce", false);
    }
    return body;
  }

  private static JsonObject labels(String node, String uid, String name, String namespace) {
    return new JsonObject()
        .put(Labels.NODE, node)
        .put(Labels.POD_UID, uid)
        .put(Labels.POD_NAME, name)
        .put(Labels.POD_NAMESPACE, namespace);
  }

  private static JsonArray env(Map<String, String> env) {
    JsonArray list = new JsonArray();
    env.forEach((k, v) -> list.add(k + "=" + v));
    return list;
  }

  /** Docker hostnames are at most 63 characters (a DNS label). */
  private static String hostname(String name) {
    return name.length() <= 63 ? name : name.substring(0, 63);
  }
}
