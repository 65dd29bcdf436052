package dev.skiff.agent.runtime;

/**
 * What a sandbox is made from.
 *
 * @param preferredIp the IP the pod already had (an agent restart keeps it), or null
 * @param dns resolver settings (the Docker runtime writes them into the pod's resolv.conf)
 */
public record SandboxSpec(
    String podUid,
    String namespace,
    String name,
    String hostname,
    String preferredIp,
    DnsSettings dns) {}
