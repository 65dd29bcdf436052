package dev.skiff.api.model.apps;

import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.LabelSelector;
import java.util.List;

/** apps/v1 StatefulSetSpec. */
public class StatefulSetSpec extends Extensible {
  public Integer replicas;
  public LabelSelector selector;
  public PodTemplateSpec template;
  public List<PersistentVolumeClaim> volumeClaimTemplates;
  public String serviceName;
  public String podManagementPolicy;
  public StatefulSetUpdateStrategy updateStrategy;
  public Integer revisionHistoryLimit;
  public Integer minReadySeconds;
  public StatefulSetPersistentVolumeClaimRetentionPolicy persistentVolumeClaimRetentionPolicy;
  public StatefulSetOrdinals ordinals;
}
