package dev.skiff.agent.pod;

/** The effective imagePullPolicy: as set, else Always for ":latest" or untagged images. */
final class PullPolicy {
  private PullPolicy() {}

  static String of(String image, String policy) {
    if (policy != null && !policy.isEmpty()) {
      return policy;
    }
    if (image == null || image.contains("@")) {
      return "IfNotPresent";
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    boolean tagged = colon > slash;
    return !tagged || image.endsWith(":latest") ? "Always" : "IfNotPresent";
  }
}
