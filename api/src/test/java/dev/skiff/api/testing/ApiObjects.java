package dev.skiff.api.testing;

import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointConditions;
import dev.skiff.api.model.discovery.EndpointPort;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.KubeObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The building blocks of the API objects tests write (published in api's test-jar): each module's
 * scenario builders (dns {@code DnsObjects}, cli {@code TraceObjects}, api-server {@code
 * TestObjects}) compose these and set only what their scenario needs.
 */
public final class ApiObjects {
  private ApiObjects() {}

  /** Labels from key, value pairs, in order. */
  public static Map<String, String> labels(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** {@code object} with its namespace and name set. */
  public static <T extends KubeObject> T named(T object, String namespace, String name) {
    object.meta().namespace = namespace;
    object.meta().name = name;
    return object;
  }

  /** A Service with only its namespace and name. */
  public static Service service(String namespace, String name) {
    return named(new Service(), namespace, name);
  }

  /** A TCP Service port (no target port: it defaults to the port). */
  public static ServicePort servicePort(String name, int port) {
    ServicePort p = new ServicePort();
    p.name = name;
    p.protocol = "TCP";
    p.port = port;
    return p;
  }

  /** A Pod with only its namespace, name and labels. */
  public static Pod pod(String namespace, String name, Map<String, String> labels) {
    Pod pod = named(new Pod(), namespace, name);
    pod.meta().labels = labels;
    return pod;
  }

  /** A pod's Ready condition, True or False. */
  public static PodCondition readyCondition(boolean ready) {
    PodCondition condition = new PodCondition();
    condition.type = "Ready";
    condition.status = ready ? "True" : "False";
    return condition;
  }

  /** An EndpointSlice with only its namespace and name. */
  public static EndpointSlice slice(String namespace, String name) {
    return named(new EndpointSlice(), namespace, name);
  }

  /** A TCP EndpointSlice port. */
  public static EndpointPort endpointPort(String name, int port) {
    EndpointPort p = new EndpointPort();
    p.name = name;
    p.protocol = "TCP";
    p.port = port;
    return p;
  }

  /** An endpoint with one address, Ready or not. */
  public static Endpoint endpoint(String ip, boolean ready) {
    Endpoint endpoint = new Endpoint();
    endpoint.addresses = List.of(ip);
    endpoint.conditions = new EndpointConditions();
    endpoint.conditions.ready = ready;
    return endpoint;
  }
}
