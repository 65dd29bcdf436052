package dev.skiff.agent.stream;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.runtime.Sandbox;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.status.StatusException;

/** Finds the running container (or the sandbox) a streaming request names, or says why not. */
final class StreamTargets {
  private final Informer<Pod> pods;
  private final ContainerRuntime runtime;

  StreamTargets(Informer<Pod> pods, ContainerRuntime runtime) {
    this.pods = pods;
    this.runtime = runtime;
  }

  Pod pod(String namespace, String name) {
    Pod pod = pods.get(namespace, name);
    if (pod == null) {
      throw StatusException.notFound("", "pods", name);
    }
    return pod;
  }

  /** The running instance of the container; 400 as the kubelet answers otherwise. */
  ContainerInfo running(String namespace, String name, String container) {
    Pod pod = pod(namespace, name);
    ContainerInfo found = null;
    for (ContainerInfo info : runtime.containers(pod.meta().uid)) {
      if (info.name().equals(container) && info.running()) {
        found = info;
      }
    }
    if (found == null) {
      throw StatusException.badRequest(
          "container " + container + " is not valid for pod " + name + " (not running)");
    }
    return found;
  }

  Sandbox sandbox(String namespace, String name) {
    Pod pod = pod(namespace, name);
    Sandbox sandbox = runtime.sandbox(pod.meta().uid);
    if (sandbox == null) {
      throw StatusException.badRequest("pod " + name + " has no sandbox on this node");
    }
    return sandbox;
  }
}
