package dev.skiff.agent.http;

import dev.skiff.agent.logs.LogKey;
import dev.skiff.agent.logs.LogQuery;
import dev.skiff.agent.logs.LogReader;
import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /containerLogs/{namespace}/{pod}/{container}}: the kubelet endpoint the api-server's
 * {@code pods/log} proxies to. Streams the container's log as text/plain; with {@code follow=true}
 * keeps the response open until the container instance stops. File reads run on worker threads.
 */
final class ContainerLogsHandler {
  private static final long FOLLOW_POLL_MILLIS = 100;

  private final Vertx vertx;
  private final Informer<Pod> pods;
  private final ContainerRuntime runtime;
  private final LogStore logs;
  private final WorkerExecutor blocking;
  private final Clock clock;

  ContainerLogsHandler(
      Vertx vertx,
      Informer<Pod> pods,
      ContainerRuntime runtime,
      LogStore logs,
      WorkerExecutor blocking,
      Clock clock) {
    this.vertx = vertx;
    this.pods = pods;
    this.runtime = runtime;
    this.logs = logs;
    this.blocking = blocking;
    this.clock = clock;
  }

  void handle(RoutingContext ctx) {
    String namespace = ctx.pathParam("namespace");
    String name = ctx.pathParam("pod");
    String container = ctx.pathParam("container");
    LogQuery query = LogQueries.parse(ctx.queryParams(), clock);
    Pod pod = pods.get(namespace, name);
    if (pod == null) {
      throw StatusException.notFound("", "pods", name);
    }
    if (!hasContainer(pod, container)) {
      throw StatusException.badRequest("container " + container + " is not valid for pod " + name);
    }
    ContainerInfo instance = instance(pod, container, query.previous());
    LogKey key = new LogKey(namespace, name, pod.meta().uid, container, instance.attempt());
    LogReader reader = new LogReader(logs, key, query);
    HttpServerResponse response = ctx.response();
    response.setChunked(true).putHeader("Content-Type", "text/plain");
    response.closeHandler(
        v ->
            blocking.executeBlocking(
                () -> {
                  reader.close();
                  return null;
                },
                false));
    blocking
        .executeBlocking(reader::initial, false)
        .compose(bytes -> write(response, bytes))
        .onComplete(
            ar -> {
              if (ar.failed() || !query.follow()) {
                finish(response, reader);
              } else {
                follow(response, reader);
              }
            });
  }

  private void follow(HttpServerResponse response, LogReader reader) {
    if (response.closed()) {
      return;
    }
    blocking
        .executeBlocking(() -> new Object[] {reader.next(), reader.finished()}, false)
        .compose(r -> write(response, (byte[]) r[0]).map((Boolean) r[1]))
        .onComplete(
            ar -> {
              if (ar.failed() || ar.result()) {
                finish(response, reader);
              } else {
                vertx.setTimer(FOLLOW_POLL_MILLIS, t -> follow(response, reader));
              }
            });
  }

  private static Future<Void> write(HttpServerResponse response, byte[] bytes) {
    if (bytes.length == 0 || response.closed()) {
      return Future.succeededFuture();
    }
    return response.write(Buffer.buffer(bytes));
  }

  private void finish(HttpServerResponse response, LogReader reader) {
    if (!response.ended() && !response.closed()) {
      response.end();
    }
    blocking.executeBlocking(
        () -> {
          reader.close();
          return null;
        },
        false);
  }

  private ContainerInfo instance(Pod pod, String container, boolean previous) {
    List<ContainerInfo> same = new ArrayList<>();
    for (ContainerInfo info : runtime.containers(pod.meta().uid)) {
      if (info.name().equals(container)) {
        same.add(info);
      }
    }
    String name = pod.meta().name;
    if (previous) {
      if (same.size() < 2) {
        throw StatusException.badRequest(
            "previous terminated container \""
                + container
                + "\" in pod \""
                + name
                + "\" not found");
      }
      return same.get(same.size() - 2);
    }
    if (same.isEmpty()) {
      throw StatusException.badRequest(
          "container \""
              + container
              + "\" in pod \""
              + name
              + "\" is waiting to start: ContainerCreating");
    }
    return same.get(same.size() - 1);
  }

  private static boolean hasContainer(Pod pod, String container) {
    List<Container> all = new ArrayList<>();
    if (pod.spec().containers != null) {
      all.addAll(pod.spec().containers);
    }
    if (pod.spec().initContainers != null) {
      all.addAll(pod.spec().initContainers);
    }
    return all.stream().anyMatch(c -> container.equals(c.name));
  }
}
