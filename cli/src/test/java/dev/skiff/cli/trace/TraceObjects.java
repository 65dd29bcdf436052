package dev.skiff.cli.trace;

import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.ContainerState;
import dev.skiff.api.model.core.ContainerStateRunning;
import dev.skiff.api.model.core.ContainerStateWaiting;
import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.DaemonEndpoint;
import dev.skiff.api.model.core.LoadBalancerIngress;
import dev.skiff.api.model.core.LoadBalancerStatus;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeAddress;
import dev.skiff.api.model.core.NodeCondition;
import dev.skiff.api.model.core.NodeDaemonEndpoints;
import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Probe;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.testing.ApiObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small builders of the objects a trace is drawn from. */
final class TraceObjects {
  private TraceObjects() {}

  static Service service(String type, Map<String, String> selector, ServicePort... ports) {
    Service svc = ApiObjects.service("default", "web");
    svc.spec().type = type;
    svc.spec().selector = selector;
    svc.spec().clusterIP = "127.65.0.10";
    svc.spec().ports = List.of(ports);
    return svc;
  }

  static Service withIngress(Service svc, String ip) {
    svc.status().loadBalancer = new LoadBalancerStatus();
    LoadBalancerIngress ingress = new LoadBalancerIngress();
    ingress.ip = ip;
    svc.status().loadBalancer.ingress = List.of(ingress);
    return svc;
  }

  static ServicePort port(String name, int port, int targetPort, Integer nodePort) {
    ServicePort p = ApiObjects.servicePort(name, port);
    p.targetPort = IntOrString.of(targetPort);
    p.nodePort = nodePort;
    return p;
  }

  /** A running pod on node-1, Ready or not. */
  static Pod pod(String name, Map<String, String> labels, boolean ready) {
    Pod pod = ApiObjects.pod("default", name, labels);
    Container c = new Container();
    c.name = "web";
    c.readinessProbe = new Probe();
    pod.spec().containers = List.of(c);
    pod.spec().nodeName = "node-1";
    pod.status().phase = "Running";
    pod.status().podIP = "127.64.1." + Math.abs(name.hashCode() % 200);
    pod.status().conditions = List.of(ApiObjects.readyCondition(ready));
    ContainerStatus status = new ContainerStatus();
    status.name = "web";
    status.ready = ready;
    status.state = new ContainerState();
    status.state.running = new ContainerStateRunning();
    pod.status().containerStatuses = List.of(status);
    return pod;
  }

  static Pod unscheduled(String name, Map<String, String> labels) {
    Pod pod = ApiObjects.pod(null, name, labels);
    pod.status().phase = "Pending";
    return pod;
  }

  static Pod crashing(String name, Map<String, String> labels) {
    Pod pod = pod(name, labels, false);
    pod.status().containerStatuses.get(0).state.running = null;
    pod.status().containerStatuses.get(0).state.waiting = new ContainerStateWaiting();
    pod.status().containerStatuses.get(0).state.waiting.reason = "CrashLoopBackOff";
    return pod;
  }

  /** endpoints: {pod, ip, ready} triples. */
  static EndpointSlice slice(String portName, int port, Object[]... endpoints) {
    EndpointSlice slice = ApiObjects.slice(null, "web-abcde");
    slice.ports = List.of(ApiObjects.endpointPort(portName, port));
    slice.endpoints = new ArrayList<>();
    for (Object[] e : endpoints) {
      Endpoint ep = ApiObjects.endpoint((String) e[1], (Boolean) e[2]);
      ep.nodeName = "node-1";
      ep.targetRef = new ObjectReference();
      ep.targetRef.kind = "Pod";
      ep.targetRef.name = (String) e[0];
      slice.endpoints.add(ep);
    }
    return slice;
  }

  static Node node(String name, String ip, boolean ready) {
    Node node = new Node();
    node.meta().name = name;
    NodeAddress address = new NodeAddress();
    address.type = "InternalIP";
    address.address = ip;
    node.status().addresses = List.of(address);
    NodeCondition condition = new NodeCondition();
    condition.type = "Ready";
    condition.status = ready ? "True" : "Unknown";
    node.status().conditions = List.of(condition);
    node.status().daemonEndpoints = new NodeDaemonEndpoints();
    node.status().daemonEndpoints.kubeletEndpoint = new DaemonEndpoint();
    node.status().daemonEndpoints.kubeletEndpoint.port = 10250;
    return node;
  }
}
