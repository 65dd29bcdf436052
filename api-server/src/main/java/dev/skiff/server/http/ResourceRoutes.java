package dev.skiff.server.http;

import dev.skiff.api.resource.Resources;
import dev.skiff.server.registry.Subresource;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Routes {@code /api/v1/...} and {@code /apis/{group}/{version}/...} resource URLs to the handler
 * for the method and the kind of path (collection, object, subresource). Unknown resources are 404;
 * a method the path does not support is 405.
 */
public final class ResourceRoutes {
  /** Pod subresources of Kubernetes that Skiff does not serve, answered with a clear message. */
  private static final java.util.Set<String> UNSUPPORTED_POD_SUBRESOURCES =
      java.util.Set.of("proxy");

  private final ReadHandler read;
  private final WriteHandler write;
  private final WatchHandler watch;
  private final ScaleHandler scale;
  private final LogHandler log;
  private final BindingHandler binding;
  private final ApiContext api;

  public ResourceRoutes(ApiContext api) {
    this.read = new ReadHandler(api);
    this.write = new WriteHandler(api);
    this.watch = new WatchHandler(api);
    this.scale = new ScaleHandler(api);
    this.log = new LogHandler(api);
    this.binding = new BindingHandler(api);
    this.api = api;
  }

  public void mount(Router router) {
    router
        .routeWithRegex("/api/v1/(.+)")
        .handler(ctx -> dispatch(ctx, "", "v1", ctx.pathParam("param0")));
    router
        .routeWithRegex("/apis/([^/]+)/([^/]+)/(.+)")
        .handler(
            ctx ->
                dispatch(
                    ctx,
                    ctx.pathParam("param0"),
                    ctx.pathParam("param1"),
                    ctx.pathParam("param2")));
  }

  private void dispatch(RoutingContext ctx, String group, String version, String rest) {
    Optional<ResourcePath> parsed =
        ResourcePath.parse(api.registry().kinds(), group, version, rest.split("/", -1));
    if (parsed.isEmpty()) {
      ctx.fail(HttpErrors.pathNotFound());
      return;
    }
    ResourcePath path = parsed.get();
    HttpMethod method = ctx.request().method();
    if (path.isCollection()) {
      collection(ctx, path, method);
    } else if (path.subresource() == null) {
      object(ctx, path, method);
    } else {
      subresource(ctx, path, method);
    }
  }

  private void collection(RoutingContext ctx, ResourcePath path, HttpMethod method) {
    boolean namespacedWithout = path.type().namespaced() && path.namespace() == null;
    if (method == HttpMethod.GET) {
      if (new QueryParams(ctx).flag("watch")) {
        watch.watch(ctx, path);
      } else {
        read.list(ctx, path);
      }
    } else if (method == HttpMethod.POST && !namespacedWithout) {
      write.create(ctx, path);
    } else if (method == HttpMethod.DELETE && path.type() != Resources.NAMESPACES) {
      write.deleteCollection(ctx, path);
    } else {
      ctx.fail(HttpErrors.methodNotAllowed());
    }
  }

  private void object(RoutingContext ctx, ResourcePath path, HttpMethod method) {
    if (method == HttpMethod.GET) {
      if (new QueryParams(ctx).flag("watch")) {
        watch.watch(ctx, path);
      } else {
        read.get(ctx, path);
      }
    } else if (method == HttpMethod.PUT) {
      write.replace(ctx, path, Subresource.MAIN);
    } else if (method == HttpMethod.PATCH) {
      write.patch(ctx, path, Subresource.MAIN);
    } else if (method == HttpMethod.DELETE) {
      write.delete(ctx, path);
    } else {
      ctx.fail(HttpErrors.methodNotAllowed());
    }
  }

  private void subresource(RoutingContext ctx, ResourcePath path, HttpMethod method) {
    String sub = path.subresource();
    boolean served =
        path.type().subresources().contains(sub)
            || (sub.equals("binding") && path.type() == Resources.PODS);
    if (!served) {
      ctx.fail(
          path.type() == Resources.PODS && UNSUPPORTED_POD_SUBRESOURCES.contains(sub)
              ? HttpErrors.podSubresourceUnsupported(sub)
              : HttpErrors.pathNotFound());
      return;
    }
    switch (sub) {
      case "status" -> status(ctx, path, method);
      case "scale" -> scale(ctx, path, method);
      case "log" -> only(ctx, method, HttpMethod.GET, () -> log.get(ctx, path));
      case "binding" -> only(ctx, method, HttpMethod.POST, () -> binding.create(ctx, path));
      default -> ctx.fail(HttpErrors.pathNotFound());
    }
  }

  private void status(RoutingContext ctx, ResourcePath path, HttpMethod method) {
    if (method == HttpMethod.GET) {
      read.get(ctx, path);
    } else if (method == HttpMethod.PUT) {
      write.replace(ctx, path, Subresource.STATUS);
    } else if (method == HttpMethod.PATCH) {
      write.patch(ctx, path, Subresource.STATUS);
    } else {
      ctx.fail(HttpErrors.methodNotAllowed());
    }
  }

  private void scale(RoutingContext ctx, ResourcePath path, HttpMethod method) {
    if (method == HttpMethod.GET) {
      scale.get(ctx, path);
    } else if (method == HttpMethod.PUT) {
      scale.replace(ctx, path);
    } else if (method == HttpMethod.PATCH) {
      scale.patch(ctx, path);
    } else {
      ctx.fail(HttpErrors.methodNotAllowed());
    }
  }

  private static void only(RoutingContext ctx, HttpMethod method, HttpMethod allowed, Runnable r) {
    if (method == allowed) {
      r.run();
    } else {
      ctx.fail(HttpErrors.methodNotAllowed());
    }
  }
}
