package dev.skiff.agent.pod;

import java.time.Duration;
import java.util.List;

/**
 * How the node agent runs pods.
 *
 * @param hostIp the node's InternalIP (status.hostIP)
 * @param clusterDns the cluster DNS servers for dnsPolicy ClusterFirst (empty: host resolver)
 * @param backoffInitial first crash back-off (Kubernetes: 10 s)
 * @param backoffMax longest crash back-off (Kubernetes: 5 min)
 * @param resync how often every pod is re-synced even without events
 * @param workers pod sync workers
 * @param allocatable the node's allocatable (the downward API's value of an unset limit)
 * @param podsDir the per-pod directories (ServiceAccount files)
 */
public record PodSettings(
    String nodeName,
    String hostIp,
    List<String> clusterDns,
    String clusterDomain,
    Duration backoffInitial,
    Duration backoffMax,
    Duration resync,
    int workers,
    java.util.Map<String, String> allocatable,
    java.nio.file.Path podsDir) {}
