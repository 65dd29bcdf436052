package dev.skiff.server.auth;

import io.vertx.core.http.HttpMethod;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads the authorization {@link Attributes} of an HTTP request as kube-apiserver's
 * RequestInfoFactory does: {@code /api/v1/...} and {@code /apis/GROUP/VERSION/...} paths are
 * resource requests (verb from the method, list/watch/deletecollection on collections); every other
 * path is a non-resource request with the lower-case method as its verb.
 */
public final class RequestAttributes {
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  private RequestAttributes() {}

  public static Attributes of(HttpMethod method, String path, boolean watch) {
    String[] all = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    int prefix;
    String group;
    if (all.length >= 3 && all[0].equals("api")) {
      prefix = 2;
      group = "";
    } else if (all.length >= 4 && all[0].equals("apis")) {
      prefix = 3;
      group = all[1];
    } else {
      String verb =
          method == HttpMethod.HEAD ? "get" : method.name().toLowerCase(java.util.Locale.ROOT);
      return Attributes.nonResource(verb, path);
    }
    String[] parts = Arrays.copyOfRange(all, prefix, all.length);
    String namespace = "";
    if (parts[0].equals("namespaces") && parts.length > 1) {
      namespace = parts[1];
      if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.contains(parts[2])) {
        parts = Arrays.copyOfRange(parts, 2, parts.length);
      }
    }
    String resource = parts[0];
    String name = parts.length > 1 ? parts[1] : "";
    String subresource = parts.length > 2 ? parts[2] : "";
    return Attributes.resource(
        verb(method, !name.isEmpty(), watch), group, resource, subresource, namespace, name);
  }

  private static String verb(HttpMethod method, boolean named, boolean watch) {
    if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
      return watch ? "watch" : named ? "get" : "list";
    }
    if (method == HttpMethod.POST) {
      return "create";
    }
    if (method == HttpMethod.PUT) {
      return "update";
    }
    if (method == HttpMethod.PATCH) {
      return "patch";
    }
    if (method == HttpMethod.DELETE) {
      return named ? "delete" : "deletecollection";
    }
    return method.name().toLowerCase(java.util.Locale.ROOT);
  }
}
