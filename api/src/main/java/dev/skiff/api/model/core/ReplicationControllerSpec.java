package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.Map;

/** v1 ReplicationControllerSpec: an equality-based selector (a label map). */
public class ReplicationControllerSpec extends Extensible {
  public Integer replicas;
  public Integer minReadySeconds;
  public Map<String, String> selector;
  public PodTemplateSpec template;
}
