package dev.skiff.api.model.metrics;

import dev.skiff.api.model.meta.KubeObject;
import java.util.Map;

/**
 * metrics.k8s.io/v1beta1 NodeMetrics: a node's CPU and memory use over {@code window} ending at
 * {@code timestamp}. Usage quantities are Kubernetes quantities ("250m", "1536Mi").
 */
public class NodeMetrics extends KubeObject {
  public static final String API_VERSION = "metrics.k8s.io/v1beta1";
  public static final String KIND = "NodeMetrics";

  public String timestamp;
  public String window;
  public Map<String, String> usage;

  public NodeMetrics() {
    super(API_VERSION, KIND);
  }
}
