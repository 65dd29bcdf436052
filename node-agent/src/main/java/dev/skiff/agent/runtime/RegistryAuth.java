package dev.skiff.agent.runtime;

/**
 * Credentials for one registry, as Docker's AuthConfig (and the CRI's) carries them; any field may
 * be null.
 */
public record RegistryAuth(
    String username,
    String password,
    String auth,
    String serverAddress,
    String identityToken,
    String registryToken) {}
