package dev.skiff.api.model.metrics;

import dev.skiff.api.model.meta.KubeObject;
import java.util.List;

/** metrics.k8s.io/v1beta1 PodMetrics: each container's use over {@code window}. */
public class PodMetrics extends KubeObject {
  public static final String API_VERSION = "metrics.k8s.io/v1beta1";
  public static final String KIND = "PodMetrics";

  public String timestamp;
  public String window;
  public List<ContainerMetrics> containers;

  public PodMetrics() {
    super(API_VERSION, KIND);
  }
}
