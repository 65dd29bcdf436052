package dev.skiff.agent.image;

/**
 * The effective imagePullPolicy and what it means: as set, else Kubernetes' default (Always for a
 * {@code :latest} tag or no tag and no digest, IfNotPresent otherwise). Pure.
 */
final class PullPolicy {
  static final String ALWAYS = "Always";
  static final String IF_NOT_PRESENT = "IfNotPresent";
  static final String NEVER = "Never";

  private PullPolicy() {}

  static String of(String image, String policy) {
    if (policy != null && !policy.isEmpty()) {
      return policy;
    }
    if (image == null) {
      return IF_NOT_PRESENT;
    }
    String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    String tag = colon > slash ? name.substring(colon + 1) : null;
    if (tag == null) {
      return image.contains("@") ? IF_NOT_PRESENT : ALWAYS;
    }
    return tag.equals("latest") ? ALWAYS : IF_NOT_PRESENT;
  }

  /** Whether the image must be pulled now (the kubelet's shouldPullImage). */
  static boolean shouldPull(String policy, boolean present) {
    if (NEVER.equals(policy)) {
      return false;
    }
    return ALWAYS.equals(policy) || !present;
  }
}
