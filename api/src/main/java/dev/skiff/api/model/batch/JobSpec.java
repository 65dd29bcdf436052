package dev.skiff.api.model.batch;

import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.LabelSelector;

/**
 * batch/v1 JobSpec. Fields Skiff does not act on (podFailurePolicy, successPolicy,
 * backoffLimitPerIndex, ...) are kept as unknown fields by {@link Extensible}.
 */
public class JobSpec extends Extensible {
  public Integer parallelism;
  public Integer completions;
  public Long activeDeadlineSeconds;
  public Integer backoffLimit;
  public LabelSelector selector;
  public Boolean manualSelector;
  public PodTemplateSpec template;
  public Integer ttlSecondsAfterFinished;
  public String completionMode;
  public Boolean suspend;
  public String podReplacementPolicy;
}
