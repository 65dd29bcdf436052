package dev.skiff.server;

import dev.skiff.server.auth.ServingCertificate;
import dev.skiff.server.registry.Admission;
import dev.skiff.server.registry.DeletionHook;
import dev.skiff.server.registry.ModelAdmission;
import java.nio.file.Path;
import java.util.List;

/**
 * How one api-server replica serves HTTP.
 *
 * @param host bind address (loopback by default)
 * @param port TCP port; 0 picks a free one
 * @param token the bearer token every client must send
 * @param certificate the TLS serving certificate, or null for plain HTTP. kubectl sends its token
 *     only over TLS, so serve TLS whenever kubectl is a client.
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
    ServingCertificate certificate,
    Path kubeconfigOut,
    long bookmarkIntervalMillis,
    long namespaceSweepMillis,
    Admission admission,
    DeletionHook deletionHook) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 6443;

  /** TLS with a fresh self-signed certificate for 127.0.0.1 and localhost, port 6443. */
  public static ApiServerOptions defaults(String token) {
    return defaults(token, selfSigned(DEFAULT_HOST));
  }

  /**
   * The defaults with this certificate (null for plain HTTP), for callers that have their own:
   * generating one only to replace it costs start-up time.
   */
  public static ApiServerOptions defaults(String token, ServingCertificate certificate) {
    return new ApiServerOptions(
        DEFAULT_HOST,
        DEFAULT_PORT,
        token,
        certificate,
        null,
        5_000,
        1_000,
        ModelAdmission.INSTANCE,
        DeletionHook.NONE);
  }

  /**
   * A self-signed certificate valid for {@code host}, 127.0.0.1, localhost and the names of the
   * {@code default/kubernetes} Service.
   */
  public static ServingCertificate selfSigned(String host) {
    return selfSigned(host, List.of());
  }

  /** {@link #selfSigned(String)}, also valid for {@code extraHosts} (such as a ClusterIP). */
  public static ServingCertificate selfSigned(String host, List<String> extraHosts) {
    return ServingCertificate.generate("skiff-api-server", servingHosts(host, extraHosts));
  }

  /**
   * What an API server's certificate is valid for: {@code host} (unless a wildcard address),
   * 127.0.0.1, localhost, the names of the {@code default/kubernetes} Service, and {@code
   * extraHosts} (such as its ClusterIP and the replica's other addresses).
   */
  public static List<String> servingHosts(String host, List<String> extraHosts) {
    List<String> hosts = new java.util.ArrayList<>();
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      hosts.add(host);
    }
    for (String h :
        List.of(
            "127.0.0.1",
            "localhost",
            "kubernetes",
            "kubernetes.default",
            "kubernetes.default.svc",
            "kubernetes.default.svc.cluster.local")) {
      if (!hosts.contains(h)) {
        hosts.add(h);
      }
    }
    extraHosts.stream().filter(h -> !hosts.contains(h)).distinct().forEach(hosts::add);
    return hosts;
  }

  public String scheme() {
    return certificate == null ? "http" : "https";
  }

  public ApiServerOptions withHost(String value) {
    ServingCertificate cert =
        certificate == null || value.equals(host) ? certificate : selfSigned(value);
    return new ApiServerOptions(
        value,
        port,
        token,
        cert,
        kubeconfigOut,
        bookmarkIntervalMillis,
        namespaceSweepMillis,
        admission,
        deletionHook);
  }

  public ApiServerOptions withPort(int value) {
    return new ApiServerOptions(
        host,
        value,
        token,
        certificate,
        kubeconfigOut,
        bookmarkIntervalMillis,
        namespaceSweepMillis,
        admission,
        deletionHook);
  }

  /** Another certificate; null serves plain HTTP. */
  public ApiServerOptions withCertificate(ServingCertificate value) {
    return new ApiServerOptions(
        host,
        port,
        token,
        value,
        kubeconfigOut,
        bookmarkIntervalMillis,
        namespaceSweepMillis,
        admission,
        deletionHook);
  }

  public ApiServerOptions withKubeconfigOut(Path value) {
    return new ApiServerOptions(
        host,
        port,
        token,
        certificate,
        value,
        bookmarkIntervalMillis,
        namespaceSweepMillis,
        admission,
        deletionHook);
  }

  public ApiServerOptions withBookmarkIntervalMillis(long value) {
    return new ApiServerOptions(
        host,
        port,
        token,
        certificate,
        kubeconfigOut,
        value,
        namespaceSweepMillis,
        admission,
        deletionHook);
  }

  public ApiServerOptions withAdmission(Admission value) {
    return new ApiServerOptions(
        host,
        port,
        token,
        certificate,
        kubeconfigOut,
        bookmarkIntervalMillis,
        namespaceSweepMillis,
        value,
        deletionHook);
  }

  public ApiServerOptions withDeletionHook(DeletionHook value) {
    return new ApiServerOptions(
        host,
        port,
        token,
        certificate,
        kubeconfigOut,
        bookmarkIntervalMillis,
        namespaceSweepMillis,
        admission,
        value);
  }
}
