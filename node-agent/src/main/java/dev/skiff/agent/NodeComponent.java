package dev.skiff.agent;

import io.vertx.core.Deployable;

/**
 * Something else that runs on every node next to the pods, deployed by the node agent after the
 * node is registered and undeployed before it stops: the service proxy and the cluster DNS server
 * are the intended ones. A component gets its node's environment and returns a verticle.
 */
public interface NodeComponent {
  /** For logs, e.g. "service-proxy". */
  String name();

  Deployable create(NodeEnvironment node);

  /** Prometheus text this component adds to the agent's {@code /metrics}; empty by default. */
  default String metrics() {
    return "";
  }
}
