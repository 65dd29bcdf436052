package dev.skiff.agent.runtime;

/**
 * An image present on the node.
 *
 * @param id the runtime's image id ({@code sha256:...})
 * @param ref what a container status reports as {@code imageID}: {@code
 *     docker-pullable://REPO@sha256:...} for an image that came from a registry, else {@code
 *     docker://sha256:...} (as the kubelet's Docker integration reports it)
 * @param size bytes
 */
public record ImageStatus(String id, String ref, long size) {}
