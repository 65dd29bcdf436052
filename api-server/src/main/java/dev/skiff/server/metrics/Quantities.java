package dev.skiff.server.metrics;

/**
 * Usage in Kubernetes quantity notation as metrics-server writes it: CPU in nanocores ({@code
 * "12345678n"}), memory in kibibytes ({@code "35123Ki"}).
 */
final class Quantities {
  private Quantities() {}

  static String cpu(long nanoCores) {
    return nanoCores + "n";
  }

  static String memory(long bytes) {
    return (bytes / 1024) + "Ki";
  }
}
