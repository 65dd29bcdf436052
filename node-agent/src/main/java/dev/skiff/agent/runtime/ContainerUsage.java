package dev.skiff.agent.runtime;

/**
 * A container's resource counters at one moment.
 *
 * @param cpuNanos CPU time used since the container started (user + system), in nanoseconds
 * @param memoryBytes its working set now (resident memory without reclaimable page cache)
 */
public record ContainerUsage(long cpuNanos, long memoryBytes) {}
