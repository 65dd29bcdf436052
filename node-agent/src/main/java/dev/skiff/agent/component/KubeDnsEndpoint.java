package dev.skiff.agent.component;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointConditions;
import dev.skiff.api.model.discovery.EndpointPort;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import dev.skiff.dns.KubeDnsService;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * This node's DNS server as an endpoint of {@code kube-system/kube-dns}: an EndpointSlice {@code
 * kube-dns-<node>} labelled with the service name and managed by the node agent.
 */
final class KubeDnsEndpoint {
  static final String NAMESPACE = KubeDnsService.NAMESPACE;
  static final String SERVICE = KubeDnsService.NAME;
  static final String MANAGED_BY = "node-agent.skiff.dev";

  private final KubeClient client;
  private final String node;
  private final String address;
  private final int port;

  KubeDnsEndpoint(KubeClient client, String node, String address, int port) {
    this.client = client;
    this.node = node;
    this.address = address;
    this.port = port;
  }

  String sliceName() {
    return SERVICE + "-" + node;
  }

  /** Creates or replaces the slice. */
  Future<Void> publish() {
    EndpointSlice slice = slice();
    return client
        .create(slice)
        .<Void>mapEmpty()
        .recover(
            e -> {
              if (e instanceof StatusException s && s.is(Reason.ALREADY_EXISTS)) {
                return client
                    .get(EndpointSlice.class, NAMESPACE, sliceName())
                    .compose(
                        live -> {
                          slice.meta().resourceVersion = live.meta().resourceVersion;
                          return client.update(slice).mapEmpty();
                        });
              }
              return Future.failedFuture(e);
            });
  }

  /** Removes the slice; a missing one is fine. */
  Future<Void> withdraw() {
    return client
        .delete(
            EndpointSlice.class, NAMESPACE, sliceName(), dev.skiff.api.client.DeleteOptions.none())
        .recover(
            e ->
                e instanceof StatusException s && s.is(Reason.NOT_FOUND)
                    ? Future.succeededFuture()
                    : Future.failedFuture(e));
  }

  private EndpointSlice slice() {
    EndpointSlice slice = new EndpointSlice();
    slice.meta().name = sliceName();
    slice.meta().namespace = NAMESPACE;
    slice.meta().labels =
        Map.of(
            EndpointSlice.SERVICE_NAME_LABEL, SERVICE, EndpointSlice.MANAGED_BY_LABEL, MANAGED_BY);
    slice.addressType = "IPv4";
    Endpoint endpoint = new Endpoint();
    endpoint.addresses = List.of(address);
    endpoint.nodeName = node;
    endpoint.conditions = new EndpointConditions();
    endpoint.conditions.ready = true;
    endpoint.conditions.serving = true;
    endpoint.conditions.terminating = false;
    ObjectReference ref = new ObjectReference();
    ref.kind = "Node";
    ref.name = node;
    endpoint.targetRef = ref;
    slice.endpoints = List.of(endpoint);
    slice.ports = List.of(port("dns", "UDP"), port("dns-tcp", "TCP"));
    return slice;
  }

  private EndpointPort port(String name, String protocol) {
    EndpointPort p = new EndpointPort();
    p.name = name;
    p.protocol = protocol;
    p.port = port;
    return p;
  }
}
