package dev.skiff.cli.embedded.docker;

import dev.skiff.agent.runtime.docker.DockerClient;
import dev.skiff.agent.runtime.docker.DockerException;
import dev.skiff.agent.runtime.docker.Labels;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Removes what a Docker-runtime cluster left on the host: every container and network carrying its
 * cluster label, then its local routes, then the record. Run by the cluster process after its node
 * agents stopped, and by {@code skiff down} when a record is left (the cluster process crashed or
 * could not finish). The engine calls never block; the routes and the record are removed on a
 * worker thread.
 */
public final class DockerCleanup {
  private DockerCleanup() {}

  /** What one cleanup removed ({@code routes} counts the forwarding rule too). */
  public record Removed(int containers, int networks, int routes) {
    public boolean any() {
      return containers + networks + routes > 0;
    }

    @Override
    public String toString() {
      return containers + " container(s), " + networks + " network(s), " + routes + " route(s)";
    }
  }

  /** {@link #run(Vertx, Path, DockerHost)} from a thread that may block (skiff down). */
  public static Removed await(Path dir, DockerHost host) throws IOException {
    return BlockingDocker.await(vertx -> run(vertx, dir, host));
  }

  /**
   * Removes the cluster's containers, networks and routes and, once all are gone, the record in
   * {@code dir}. Fails (keeping the record for another try) if any could not be removed.
   */
  public static Future<Removed> run(Vertx vertx, Path dir, DockerHost host) {
    DockerClient engine = new DockerClient(vertx, host.socket());
    String filter = labelFilter(Labels.CLUSTER, host.cluster());
    return engine
        .checkTransport()
        .compose(
            v ->
                removeAll(
                    engine,
                    "/containers/json?all=1&filters=" + filter,
                    id -> "/containers/" + id + "?force=1&v=1"))
        .compose(
            containers ->
                removeAll(engine, "/networks?filters=" + filter, id -> "/networks/" + id)
                    .compose(
                        networks ->
                            vertx.executeBlocking(
                                () -> new Removed(containers, networks, removeRoutes(dir, host)),
                                false)))
        .eventually(engine::close);
  }

  /** Removes every object the list at {@code listPath} names; counts those that still existed. */
  private static Future<Integer> removeAll(
      DockerClient engine, String listPath, Function<String, String> deletePath) {
    return engine
        .getList(listPath)
        .recover(e -> Future.failedFuture(new IOException("Docker engine: " + message(e), e)))
        .compose(
            list -> {
              List<Future<Boolean>> removals = new ArrayList<>();
              for (String id : ids(list)) {
                removals.add(remove(engine, deletePath.apply(id), id));
              }
              return Future.all(removals)
                  .map(all -> (int) removals.stream().filter(Future::result).count());
            });
  }

  /** True if the object existed and is gone now, false if it did not exist. */
  private static Future<Boolean> remove(DockerClient engine, String path, String what) {
    return engine
        .delete(path)
        .map(true)
        .recover(
            e ->
                DockerException.isNotFound(e)
                    ? Future.succeededFuture(false)
                    : Future.failedFuture(
                        new IOException("cannot remove " + what + ": " + message(e), e)));
  }

  /** Removes the forwarding rule, the routes and then the record. Blocking. */
  private static int removeRoutes(Path dir, DockerHost host) throws IOException {
    int routes = 0;
    if (host.podRange() != null && PodForwarding.remove(host.podRange())) {
      routes++;
    }
    for (String route : host.routes()) {
      routes += HostRoutes.remove(route) ? 1 : 0;
    }
    Files.deleteIfExists(dir.resolve(DockerHost.FILE));
    return routes;
  }

  private static List<String> ids(JsonArray list) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ids.add(list.getJsonObject(i).getString("Id"));
    }
    return ids;
  }

  private static String message(Throwable e) {
    return e instanceof DockerException d ? d.status() + " " + d.getMessage() : e.getMessage();
  }

  private static String labelFilter(String label, String value) {
    return URLEncoder.encode(
        new JsonObject().put("label", new JsonArray().add(label + "=" + value)).encode(),
        StandardCharsets.UTF_8);
  }
}
