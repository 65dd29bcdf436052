package dev.skiff.agent;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.InformerFactory;
import java.util.List;

/**
 * What a {@link NodeComponent} learns about the node it runs on.
 *
 * @param client the agent's API client (share it; do not close it)
 * @param address the node's InternalIP, where NodePorts listen
 * @param serviceCidr the Service range, or null when unknown
 * @param informers where components get informers (shared with the rest of the JVM, or each
 *     informer its own through {@code client})
 */
public record NodeEnvironment(
    String nodeName,
    String address,
    KubeClient client,
    String podCidr,
    String serviceCidr,
    List<String> clusterDns,
    String clusterDomain,
    String runtime,
    InformerFactory informers) {}
