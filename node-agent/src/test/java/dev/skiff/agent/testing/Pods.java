package dev.skiff.agent.testing;

import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.EnvVarSource;
import dev.skiff.api.model.core.ObjectFieldSelector;
import dev.skiff.api.model.core.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Test pods, bound to a node already (no scheduler needed). */
public final class Pods {
  private Pods() {}

  /** A one-container pod running {@code sh -c script} on {@code node}. */
  public static Pod shell(String name, String node, String script) {
    return pod(name, node, c -> c.command = List.of("sh", "-c", script));
  }

  public static Pod pod(String name, String node, Consumer<Container> container) {
    Pod pod = new Pod();
    pod.meta().name = name;
    pod.meta().namespace = "default";
    pod.spec().nodeName = node;
    pod.spec().terminationGracePeriodSeconds = 5L;
    Container c = new Container();
    c.name = "main";
    c.image = "skiff/busybox:1";
    c.imagePullPolicy = "IfNotPresent";
    container.accept(c);
    pod.spec().containers = new ArrayList<>(List.of(c));
    return pod;
  }

  public static EnvVar env(String name, String value) {
    EnvVar v = new EnvVar();
    v.name = name;
    v.value = value;
    return v;
  }

  public static EnvVar fieldRef(String name, String fieldPath) {
    EnvVar v = new EnvVar();
    v.name = name;
    v.valueFrom = new EnvVarSource();
    v.valueFrom.fieldRef = new ObjectFieldSelector();
    v.valueFrom.fieldRef.fieldPath = fieldPath;
    return v;
  }
}
