package dev.skiff.server.controller.deployment;

import dev.skiff.api.Json;
import dev.skiff.api.model.core.PodTemplateSpec;
import java.nio.charset.StandardCharsets;

/**
 * The pod-template-hash label value of a Deployment's template: FNV-32a over the template's JSON
 * (and the collision count), rendered as Kubernetes renders it (rand.SafeEncodeString of the
 * decimal hash), e.g. "5d4f8b9c7".
 */
public final class PodTemplateHash {
  public static final String LABEL = "pod-template-hash";
  private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

  private PodTemplateHash() {}

  public static String of(PodTemplateSpec template, Integer collisionCount) {
    byte[] json = Json.toBytes(template);
    int hash = 0x811c9dc5;
    for (byte b : json) {
      hash ^= (b & 0xff);
      hash *= 0x01000193;
    }
    if (collisionCount != null) {
      int c = collisionCount;
      for (int i = 0; i < 4; i++) {
        hash ^= (c >>> (8 * i)) & 0xff;
        hash *= 0x01000193;
      }
    }
    String decimal = Long.toString(hash & 0xffffffffL);
    StringBuilder out = new StringBuilder(decimal.length());
    for (byte b : decimal.getBytes(StandardCharsets.US_ASCII)) {
      out.append(ALPHANUMS.charAt((b & 0xff) % ALPHANUMS.length()));
    }
    return out.toString();
  }
}
