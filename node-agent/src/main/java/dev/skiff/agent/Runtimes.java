package dev.skiff.agent;

import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.network.PodBridge;
import dev.skiff.agent.runtime.Cidr;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.runtime.docker.DockerRuntime;
import dev.skiff.agent.runtime.process.ProcessRuntime;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/** Picks the container runtime the options name. */
final class Runtimes {
  private Runtimes() {}

  static ContainerRuntime create(
      Vertx vertx, WorkerExecutor blocking, LogStore logs, NodeAgentOptions options) {
    return switch (options.runtime()) {
      case NodeAgentOptions.PROCESS ->
          new ProcessRuntime(
              vertx,
              blocking,
              logs,
              options.dataDir().resolve("runtime"),
              Cidr.parse(options.podCidr()),
              NodeAgentOptions.BRIDGE.equals(options.podNetwork())
                  ? new PodBridge(
                      Cidr.parse(options.podCidr()), options.name(), options.serviceCidr())
                  : null);
      case NodeAgentOptions.DOCKER ->
          new DockerRuntime(
              vertx, blocking, logs, options.name(), options.docker(), options.serviceCidr());
      default -> throw new IllegalArgumentException("unknown runtime: " + options.runtime());
    };
  }
}
