package dev.skiff.agent.image;

import java.util.regex.Pattern;

/**
 * A parsed image reference, {@code [DOMAIN[:PORT]/]PATH[:TAG][@DIGEST]}, by the grammar of the
 * distribution project's reference package (which Docker and the kubelet use). Pure.
 *
 * @param domain the registry ({@code localhost:5000}), or null for Docker Hub
 * @param path the repository path in the registry ({@code busybox}, {@code team/app})
 * @param tag null when absent
 * @param digest {@code sha256:...}, null when absent
 */
public record ImageRef(String domain, String path, String tag, String digest) {
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*"
              + "[a-zA-Z0-9])?))*(?::[0-9]+)?|\\[[0-9a-fA-F:.]+\\](?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}");

  /** A reference that does not parse, with distribution's words for why. */
  public static final class InvalidReference extends IllegalArgumentException {
    InvalidReference(String message) {
      super(message);
    }
  }

  /** Parses {@code image}; throws {@link InvalidReference} when it is not a valid reference. */
  public static ImageRef parse(String image) {
    if (image == null || image.isEmpty()) {
      throw new InvalidReference("repository name must have at least one component");
    }
    String rest = image;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        throw new InvalidReference("invalid reference format");
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw new InvalidReference("invalid reference format");
      }
    }
    String domain = null;
    String path = rest;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".")
          || first.contains(":")
          || first.equals("localhost")
          || !first.equals(first.toLowerCase())) {
        domain = first;
        path = rest.substring(slash + 1);
        if (!DOMAIN.matcher(domain).matches()) {
          throw new InvalidReference("invalid reference format");
        }
      }
    }
    if (!PATH.matcher(path).matches()) {
      throw new InvalidReference(
          path.equals(path.toLowerCase())
              ? "invalid reference format"
              : "repository name must be lowercase");
    }
    return new ImageRef(domain, path, tag, digest);
  }

  /** The repository as written, without tag or digest ({@code localhost:5000/busybox}). */
  public String repository() {
    return domain == null ? path : domain + "/" + path;
  }

  /**
   * The repository as Docker names it in full ({@code docker.io/library/busybox} for {@code
   * busybox}), for matching credentials.
   */
  public String normalizedRepository() {
    if (domain == null) {
      return "docker.io/" + (path.contains("/") ? path : "library/" + path);
    }
    return repository();
  }

  /** Whether the image lives on Docker Hub (no registry named, or docker.io). */
  public boolean dockerHub() {
    return domain == null || domain.equals("docker.io") || domain.equals("index.docker.io");
  }

  /** What a pull asks the engine for beside the repository: the digest, the tag, or latest. */
  public String pullTag() {
    if (digest != null) {
      return digest;
    }
    return tag != null ? tag : "latest";
  }
}
