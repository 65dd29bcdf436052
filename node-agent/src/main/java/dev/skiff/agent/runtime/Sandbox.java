package dev.skiff.agent.runtime;

/**
 * A pod's sandbox: its network identity.
 *
 * @param id runtime id (the pause container for Docker, the pod uid for processes)
 * @param ip the pod IP
 */
public record Sandbox(String podUid, String id, String ip) {}
