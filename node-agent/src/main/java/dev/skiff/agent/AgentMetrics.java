package dev.skiff.agent;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerRuntime;

/** The agent's /metrics in the Prometheus text format. */
final class AgentMetrics {
  private AgentMetrics() {}

  static String render(ContainerRuntime runtime) {
    int pods = 0;
    int running = 0;
    long restarts = 0;
    for (String uid : runtime.podUids()) {
      pods++;
      for (ContainerInfo c : runtime.containers(uid)) {
        if (c.running()) {
          running++;
          restarts += c.attempt();
        }
      }
    }
    return "# HELP skiff_agent_pods Pods with a sandbox or containers on this node.\n"
        + "# TYPE skiff_agent_pods gauge\n"
        + "skiff_agent_pods{runtime=\""
        + runtime.type()
        + "\"} "
        + pods
        + "\n"
        + "# HELP skiff_agent_running_containers Containers running on this node.\n"
        + "# TYPE skiff_agent_running_containers gauge\n"
        + "skiff_agent_running_containers "
        + running
        + "\n"
        + "# HELP skiff_agent_container_restarts Restart count summed over running containers.\n"
        + "# TYPE skiff_agent_container_restarts gauge\n"
        + "skiff_agent_container_restarts "
        + restarts
        + "\n";
  }
}
