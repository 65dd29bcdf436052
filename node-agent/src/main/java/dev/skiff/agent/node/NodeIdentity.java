package dev.skiff.agent.node;

import java.util.Map;

/**
 * Who this node is and what it offers.
 *
 * @param address the InternalIP
 * @param port the agent's HTTP port (daemonEndpoints.kubeletEndpoint.Port)
 * @param capacity cpu, memory, pods (quantities as strings)
 * @param runtimeVersion e.g. {@code process://17}
 */
public record NodeIdentity(
    String name,
    String address,
    String hostname,
    int port,
    String podCidr,
    Map<String, String> labels,
    Map<String, String> capacity,
    String runtimeVersion) {}
