package dev.skiff.agent.logs;

/** Identifies the log of one container instance (one attempt of one container of one pod). */
public record LogKey(String namespace, String pod, String podUid, String container, int attempt) {}
