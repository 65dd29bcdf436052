package dev.skiff.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.Kubeconfig;
import dev.skiff.api.client.RawKubeClient;
import dev.skiff.api.status.StatusException;
import dev.skiff.cli.ClusterHome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One command's connection to a cluster: a small Vert.x instance and the api module's client. The
 * command runs on the main thread and waits for each call with {@link #await}; nothing here runs on
 * an event loop.
 */
public final class Session implements AutoCloseable {
  private final Vertx vertx;
  private final KubeClient client;
  private final String namespace;
  private final String server;

  private Session(Vertx vertx, KubeClient client, String namespace, String server) {
    this.vertx = vertx;
    this.client = client;
    this.namespace = namespace;
    this.server = server;
  }

  /** Reads the kubeconfig and connects lazily (the first call opens the connection). */
  public static Session open(ConnectionOptions options) {
    Path file = kubeconfigOf(options);
    Kubeconfig config;
    String contextNamespace;
    try {
      String yaml = Files.readString(file);
      config = Kubeconfig.parse(yaml, file.toAbsolutePath().getParent());
      contextNamespace = contextNamespace(yaml);
    } catch (IOException | RuntimeException e) {
      throw CliException.failed("cannot use kubeconfig " + file + ": " + e.getMessage());
    }
    String namespace =
        options.namespace() != null
            ? options.namespace()
            : contextNamespace == null ? "default" : contextNamespace;
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2)
                .setBlockedThreadCheckInterval(60_000));
    return new Session(vertx, new KubeClient(vertx, config), namespace, config.server());
  }

  private static Path kubeconfigOf(ConnectionOptions options) {
    if (options.kubeconfig() != null) {
      if (!Files.isRegularFile(options.kubeconfig())) {
        throw CliException.failed("kubeconfig " + options.kubeconfig() + " does not exist");
      }
      return options.kubeconfig();
    }
    ClusterHome home = ClusterHome.of(options.clusterName());
    if (!Files.isRegularFile(home.kubeconfig())) {
      String name = options.clusterName();
      throw CliException.failed(
          "cluster \""
              + name
              + "\" has no kubeconfig (is it running?); start it with: skiff up"
              + ("skiff".equals(name) ? "" : " --name " + name));
    }
    return home.kubeconfig();
  }

  private static String contextNamespace(String yaml) throws IOException {
    JsonNode root = Json.yamlMapper().readTree(yaml);
    String current = root.path("current-context").asText("");
    for (JsonNode context : root.path("contexts")) {
      if (current.equals(context.path("name").asText())) {
        String ns = context.path("context").path("namespace").asText("");
        return ns.isEmpty() ? null : ns;
      }
    }
    return null;
  }

  public KubeClient client() {
    return client;
  }

  public RawKubeClient raw() {
    return client.raw();
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The namespace of {@code -n}, else of the kubeconfig context, else {@code default}. */
  public String namespace() {
    return namespace;
  }

  /**
   * Waits for {@code future}. A Status error is rethrown as the {@link StatusException} it is; a
   * refused connection becomes kubectl's "connection refused" message.
   */
  public <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failed("interrupted");
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
  }

  /** Like {@link #await(Future)} but gives up after {@code millis}: then null. */
  public <T> T awaitAtMost(Future<T> future, long millis) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failed("interrupted");
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
  }

  private RuntimeException translate(Throwable cause) {
    if (cause instanceof StatusException status) {
      return status;
    }
    if (cause instanceof CliException cli) {
      return cli;
    }
    if (cause instanceof ConnectException) {
      URI uri = URI.create(server);
      return new CliException(
          "The connection to the server "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + " was refused - did you specify the right host or port?",
          CliException.FAILED);
    }
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return CliException.failed(message);
  }

  @Override
  public void close() {
    try {
      client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing is best effort: the process ends right after
    }
  }
}
