package dev.skiff.server;

import dev.skiff.server.registry.Admission;
import dev.skiff.server.registry.DeletionHook;
import java.nio.file.Path;

/**
 * How one api-server replica serves HTTP.
 *
 * @param host bind address (loopback by default)
 * @param port TCP port; 0 picks a free one
 * @param token the bearer token every client must send
 * @param kubeconfigOut where to write a kubeconfig for this server, or null
 * @param bookmarkIntervalMillis how often watches that allow bookmarks get one (0 = never)
 * @param namespaceSweepMillis how often Terminating namespaces are swept
 * @param admission defaulting and validation of written objects
 * @param deletionHook the garbage collector's deletion hook
 */
public record ApiServerOptions(
    String host,
    int port,
    String token,
    Path kubeconfigOut,
    long bookmarkIntervalMillis,
    long namespaceSweepMillis,
    Admission admission,
    DeletionHook deletionHook) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 6443;

  public static ApiServerOptions defaults(String token) {
    return new ApiServerOptions(
        DEFAULT_HOST,
        DEFAULT_PORT,
        token,
        null,
        5_000,
        1_000,
        dev.skiff.server.registry.ModelAdmission.INSTANCE,
        DeletionHook.NONE);
  }

  public ApiServerOptions withPort(int value) {
    return new ApiServerOptions(
        host, value, token, kubeconfigOut, bookmarkIntervalMillis, namespaceSweepMillis, admission,
        deletionHook);
  }

  public ApiServerOptions withHost(String value) {
    return new ApiServerOptions(
        value, port, token, kubeconfigOut, bookmarkIntervalMillis, namespaceSweepMillis, admission,
        deletionHook);
  }

  public ApiServerOptions withKubeconfigOut(Path value) {
    return new ApiServerOptions(
        host, port, token, value, bookmarkIntervalMillis, namespaceSweepMillis, admission,
        deletionHook);
  }

  public ApiServerOptions withBookmarkIntervalMillis(long value) {
    return new ApiServerOptions(
        host, port, token, kubeconfigOut, value, namespaceSweepMillis, admission, deletionHook);
  }

  public ApiServerOptions withAdmission(Admission value) {
    return new ApiServerOptions(
        host, port, token, kubeconfigOut, bookmarkIntervalMillis, namespaceSweepMillis, value,
        deletionHook);
  }

  public ApiServerOptions withDeletionHook(DeletionHook value) {
    return new ApiServerOptions(
        host, port, token, kubeconfigOut, bookmarkIntervalMillis, namespaceSweepMillis, admission,
        value);
  }
}
