package dev.skiff.dns.zone;

/** The Kubernetes Service types, as far as DNS cares. */
public enum ServiceType {
  CLUSTER_IP,
  NODE_PORT,
  LOAD_BALANCER,
  EXTERNAL_NAME;

  /**
   * Maps a Kubernetes {@code spec.type} ("ClusterIP", "ExternalName", ...); null means ClusterIP.
   */
  public static ServiceType fromKube(String type) {
    if (type == null || type.isEmpty()) {
      return CLUSTER_IP;
    }
    return switch (type) {
      case "NodePort" -> NODE_PORT;
      case "LoadBalancer" -> LOAD_BALANCER;
      case "ExternalName" -> EXTERNAL_NAME;
      default -> CLUSTER_IP;
    };
  }
}
