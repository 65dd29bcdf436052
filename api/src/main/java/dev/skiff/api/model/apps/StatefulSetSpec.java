package dev.skiff.api.model.apps;

import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.PersistentVolumeClaimVolumeSource;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.core.Volume;
import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.LabelSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * The volumes of pod {@code podName} made from a template with volumes {@code own}: for each
   * (named) volumeClaimTemplate {@code T}, the volume {@code T} on claim {@code T-podName}, then
   * the other volumes of {@code own} (one named like a claim template is replaced), as Kubernetes'
   * updateStorage; {@code own} itself when there are no claim templates.
   */
  public List<Volume> podVolumes(List<Volume> own, String podName) {
    if (volumeClaimTemplates == null || volumeClaimTemplates.isEmpty()) {
      return own;
    }
    Map<String, Volume> volumes = new LinkedHashMap<>();
    for (PersistentVolumeClaim claim : volumeClaimTemplates) {
      if (claim.metadata == null || claim.metadata.name == null || claim.metadata.name.isEmpty()) {
        continue;
      }
      Volume v = new Volume();
      v.name = claim.metadata.name;
      v.persistentVolumeClaim = new PersistentVolumeClaimVolumeSource();
      v.persistentVolumeClaim.claimName = v.name + "-" + podName;
      volumes.put(v.name, v);
    }
    if (own != null) {
      own.forEach(v -> volumes.putIfAbsent(v.name, v));
    }
    return new ArrayList<>(volumes.values());
  }
}
