package dev.skiff.server.auth;

/**
 * What a request asks to do (authorizer.Attributes): a verb on a resource (group, resource,
 * subresource, namespace, name) or, for other paths, a verb on a non-resource path. Empty strings
 * are absent values; "*" in a review means any.
 */
public record Attributes(
    String verb,
    boolean resourceRequest,
    String group,
    String resource,
    String subresource,
    String namespace,
    String name,
    String path) {

  public static Attributes resource(
      String verb,
      String group,
      String resource,
      String subresource,
      String namespace,
      String name) {
    return new Attributes(
        verb,
        true,
        nonNull(group),
        nonNull(resource),
        nonNull(subresource),
        nonNull(namespace),
        nonNull(name),
        "");
  }

  public static Attributes nonResource(String verb, String path) {
    return new Attributes(verb, false, "", "", "", "", "", nonNull(path));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
