package dev.skiff.api.model.metrics;

import dev.skiff.api.model.meta.Extensible;
import java.util.Map;

/** metrics/v1beta1 ContainerMetrics: one container's usage ("cpu", "memory"). */
public class ContainerMetrics extends Extensible {
  public String name;
  public Map<String, String> usage;
}
