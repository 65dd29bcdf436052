package dev.skiff.server.controller;

import dev.skiff.api.Json;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.ContainerPort;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.testing.ApiObjects;
import dev.skiff.server.controller.support.Owners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Terse builders of API objects for reconciler tests. */
public final class TestObjects {
  private TestObjects() {}

  public static Service service(String name, Map<String, String> selector, Object targetPort) {
    Service svc = ApiObjects.service("default", name);
    svc.meta().uid = "uid-" + name;
    svc.spec().selector = selector;
    ServicePort p = ApiObjects.servicePort("web", 80);
    p.targetPort =
        targetPort instanceof Integer i ? IntOrString.of(i) : IntOrString.of((String) targetPort);
    svc.spec().ports = new ArrayList<>(List.of(p));
    return svc;
  }

  /** A running pod with an IP, Ready as given, one container port "http" 8080. */
  public static Pod pod(String name, String ip, boolean ready, Map<String, String> labels) {
    Pod pod = ApiObjects.pod("default", name, labels);
    pod.meta().uid = "uid-" + name;
    pod.meta().creationTimestamp = "2025-01-01T00:00:00Z";
    Container c = new Container();
    c.name = "c";
    c.image = "busybox";
    ContainerPort port = new ContainerPort();
    port.name = "http";
    port.containerPort = 8080;
    c.ports = new ArrayList<>(List.of(port));
    pod.spec().containers = new ArrayList<>(List.of(c));
    pod.spec().nodeName = "node-1";
    pod.status().phase = "Running";
    pod.status().podIP = ip;
    PodCondition r = ApiObjects.readyCondition(ready);
    r.lastTransitionTime = "2025-01-01T00:00:00Z";
    pod.status().conditions = new ArrayList<>(List.of(r));
    return pod;
  }

  public static Pod ownedBy(Pod pod, ReplicaSet rs) {
    pod.meta().ownerReferences = Owners.listOf(Owners.controllerRef(rs));
    return pod;
  }

  public static <T> T copy(T value, Class<T> type) {
    return Json.copy(value, type);
  }

  public static Deployment deployment(String ns, String name, int replicas, String image) {
    return Json.parse(
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s","namespace":"%s"},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"%s"}},
          "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}},
          "template":{"metadata":{"labels":{"app":"%s","tier":"web"}},
           "spec":{"containers":[{"name":"c","image":"%s","ports":[{"name":"http","containerPort":8080}]}]}}}}
        """
            .formatted(name, ns, replicas, name, name, image),
        Deployment.class);
  }

  public static Service service(String ns, String name, String app) {
    return Json.parse(
        """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"%s","namespace":"%s"},
         "spec":{"selector":{"app":"%s"},"ports":[{"name":"web","port":80,"targetPort":"http"}]}}
        """
            .formatted(name, ns, app),
        Service.class);
  }
}
