package dev.skiff.api.defaults;

import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.ContainerPort;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodSpec;
import dev.skiff.api.model.core.Probe;
import dev.skiff.api.model.core.ResourceRequirements;
import dev.skiff.api.model.core.Toleration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

/** SetDefaults_Pod / SetDefaults_PodSpec / SetDefaults_Container and the probe defaults. */
public final class PodDefaults {
  private PodDefaults() {}

  /** Pod-only defaults on top of the pod spec ones. */
  static void apply(Pod pod) {
    PodSpec spec = pod.spec();
    applySpec(spec);
    if (spec.enableServiceLinks == null) {
      spec.enableServiceLinks = true;
    }
    forEachContainer(spec, PodDefaults::requestsFromLimits);
  }

  /** What admission adds to a new pod: the default service account and not-ready tolerations. */
  static void applyOnCreate(Pod pod) {
    PodSpec spec = pod.spec();
    if (blank(spec.serviceAccountName)) {
      spec.serviceAccountName = blank(spec.serviceAccount) ? "default" : spec.serviceAccount;
    }
    if (blank(spec.serviceAccount)) {
      spec.serviceAccount = spec.serviceAccountName;
    }
    if (spec.tolerations == null) {
      spec.tolerations = new ArrayList<>();
    }
    addToleration(spec.tolerations, "node.kubernetes.io/not-ready");
    addToleration(spec.tolerations, "node.kubernetes.io/unreachable");
  }

  /** The defaults a pod spec gets everywhere, in pods and in pod templates. */
  public static void applySpec(PodSpec spec) {
    if (blank(spec.dnsPolicy)) {
      spec.dnsPolicy = "ClusterFirst";
    }
    if (blank(spec.restartPolicy)) {
      spec.restartPolicy = "Always";
    }
    if (spec.securityContext == null) {
      spec.securityContext = new LinkedHashMap<>();
    }
    if (spec.terminationGracePeriodSeconds == null) {
      spec.terminationGracePeriodSeconds = 30L;
    }
    if (blank(spec.schedulerName)) {
      spec.schedulerName = "default-scheduler";
    }
    if (spec.volumes != null) {
      spec.volumes.forEach(VolumeDefaults::apply);
    }
    boolean hostNetwork = Boolean.TRUE.equals(spec.hostNetwork);
    forEachContainer(spec, c -> container(c, hostNetwork));
  }

  static void container(Container c, boolean hostNetwork) {
    if (blank(c.imagePullPolicy)) {
      c.imagePullPolicy = "latest".equals(ImageNames.tag(c.image)) ? "Always" : "IfNotPresent";
    }
    if (blank(c.terminationMessagePath)) {
      c.terminationMessagePath = "/dev/termination-log";
    }
    if (blank(c.terminationMessagePolicy)) {
      c.terminationMessagePolicy = "File";
    }
    if (c.resources == null) {
      c.resources = new ResourceRequirements();
    }
    if (c.ports != null) {
      for (ContainerPort p : c.ports) {
        if (blank(p.protocol)) {
          p.protocol = "TCP";
        }
        if (hostNetwork && (p.hostPort == null || p.hostPort == 0)) {
          p.hostPort = p.containerPort;
        }
      }
    }
    if (c.env != null) {
      for (EnvVar e : c.env) {
        if (e.valueFrom != null
            && e.valueFrom.fieldRef != null
            && blank(e.valueFrom.fieldRef.apiVersion)) {
          e.valueFrom.fieldRef.apiVersion = "v1";
        }
      }
    }
    probe(c.livenessProbe);
    probe(c.readinessProbe);
    probe(c.startupProbe);
  }

  static void probe(Probe p) {
    if (p == null) {
      return;
    }
    if (p.timeoutSeconds == null || p.timeoutSeconds == 0) {
      p.timeoutSeconds = 1;
    }
    if (p.periodSeconds == null || p.periodSeconds == 0) {
      p.periodSeconds = 10;
    }
    if (p.successThreshold == null || p.successThreshold == 0) {
      p.successThreshold = 1;
    }
    if (p.failureThreshold == null || p.failureThreshold == 0) {
      p.failureThreshold = 3;
    }
    if (p.httpGet != null) {
      if (blank(p.httpGet.path)) {
        p.httpGet.path = "/";
      }
      if (blank(p.httpGet.scheme)) {
        p.httpGet.scheme = "HTTP";
      }
    }
  }

  private static void requestsFromLimits(Container c) {
    if (c.resources == null || c.resources.limits == null || c.resources.limits.isEmpty()) {
      return;
    }
    if (c.resources.requests == null) {
      c.resources.requests = new HashMap<>();
    }
    c.resources.limits.forEach(c.resources.requests::putIfAbsent);
  }

  private static void addToleration(List<Toleration> tolerations, String key) {
    boolean present =
        tolerations.stream()
            .anyMatch(t -> key.equals(t.key) && (t.effect == null || "NoExecute".equals(t.effect)));
    if (!present) {
      Toleration t = new Toleration();
      t.key = key;
      t.operator = "Exists";
      t.effect = "NoExecute";
      t.tolerationSeconds = 300L;
      tolerations.add(t);
    }
  }

  private static void forEachContainer(
      PodSpec spec, java.util.function.Consumer<Container> action) {
    if (spec.initContainers != null) {
      spec.initContainers.forEach(action);
    }
    if (spec.containers != null) {
      spec.containers.forEach(action);
    }
  }

  static boolean blank(String s) {
    return s == null || s.isEmpty();
  }
}
