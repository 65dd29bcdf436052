package dev.skiff.api.model.batch;

import dev.skiff.api.model.meta.Extensible;

/** batch/v1 JobCondition. */
public class JobCondition extends Extensible {
  public String type;
  public String status;
  public String lastProbeTime;
  public String lastTransitionTime;
  public String reason;
  public String message;
}
