package dev.skiff.api.defaults;

import dev.skiff.api.model.core.Base64Data;
import dev.skiff.api.model.core.Secret;
import java.util.LinkedHashMap;

/**
 * SetDefaults_Secret and the v1 to internal conversion: {@code type} defaults to Opaque, and {@code
 * stringData} is folded into {@code data} (a key in both takes the stringData value) and dropped,
 * so it is never stored or returned.
 */
final class SecretDefaults {
  private SecretDefaults() {}

  static void apply(Secret secret) {
    if (secret.type == null || secret.type.isEmpty()) {
      secret.type = Secret.TYPE_OPAQUE;
    }
    if (secret.stringData != null && !secret.stringData.isEmpty()) {
      if (secret.data == null) {
        secret.data = new LinkedHashMap<>();
      }
      secret.stringData.forEach(
          (k, v) -> secret.data.put(k, Base64Data.encode(v == null ? "" : v)));
    }
    secret.stringData = null;
  }
}
