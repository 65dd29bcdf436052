package dev.skiff.api.defaults;

/** The tag of an image reference as Kubernetes' parsers.ParseImageName sees it. */
final class ImageNames {
  private ImageNames() {}

  /**
   * "latest" for a reference without tag and digest, "" for a digest-only reference, else the tag.
   * A colon in the registry part ("localhost:5000/app") is a port, not a tag.
   */
  static String tag(String image) {
    if (image == null || image.isEmpty()) {
      return "latest";
    }
    String ref = image;
    boolean digest = false;
    int at = ref.indexOf('@');
    if (at >= 0) {
      digest = true;
      ref = ref.substring(0, at);
    }
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    if (colon > slash) {
      return ref.substring(colon + 1);
    }
    return digest ? "" : "latest";
  }
}
