package dev.skiff.server.patch;

import java.util.HashMap;
import java.util.Map;

/**
 * The strategic-merge list rules of one kind, by field path. A path names fields from the object
 * root joined by dots; {@code []} steps into the elements of a list, e.g. {@code
 * spec.template.spec.containers[].ports}. Lists not in the table are replaced whole.
 *
 * <p>The keys are the {@code patchMergeKey}/{@code patchStrategy} tags of kubernetes/api v0.32
 * (core/v1, apps/v1) and apimachinery's ObjectMeta, for the kinds Skiff serves.
 */
public final class MergeKeys {
  private static final Map<String, MergeKeys> BY_KIND = new HashMap<>();
  private static final MergeKeys OTHER_KINDS = common();

  static {
    MergeKeys pod = common();
    pod.podSpec("spec");
    pod.put("status.podIPs", ListRule.byKey("ip"));
    pod.put("status.hostIPs", ListRule.byKey("ip"));
    BY_KIND.put("Pod", pod);

    for (String kind :
        new String[] {
          "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController", "Job"
        }) {
      MergeKeys workload = common();
      workload.objectMeta("spec.template.metadata");
      workload.podSpec("spec.template.spec");
      BY_KIND.put(kind, workload);
    }
    MergeKeys cronJob = common();
    cronJob.objectMeta("spec.jobTemplate.metadata");
    cronJob.objectMeta("spec.jobTemplate.spec.template.metadata");
    cronJob.podSpec("spec.jobTemplate.spec.template.spec");
    BY_KIND.put("CronJob", cronJob);

    MergeKeys service = common();
    service.put("spec.ports", ListRule.byKey("port"));
    BY_KIND.put("Service", service);

    MergeKeys node = common();
    node.put("status.addresses", ListRule.byKey("type"));
    node.put("spec.podCIDRs", ListRule.PRIMITIVE_SET);
    BY_KIND.put("Node", node);

    MergeKeys serviceAccount = common();
    serviceAccount.put("secrets", ListRule.byKey("name"));
    BY_KIND.put("ServiceAccount", serviceAccount);
  }

  private final Map<String, ListRule> rules = new HashMap<>();

  private MergeKeys() {}

  /** The rules of {@code kind}; a kind without keyed lists gets the ObjectMeta/status rules. */
  public static MergeKeys forKind(String kind) {
    MergeKeys keys = kind == null ? null : BY_KIND.get(kind);
    return keys != null ? keys : OTHER_KINDS;
  }

  /** The rule for the list at {@code path}; {@link ListRule#ATOMIC} when none is declared. */
  public ListRule rule(String path) {
    return rules.getOrDefault(path, ListRule.ATOMIC);
  }

  private static MergeKeys common() {
    MergeKeys keys = new MergeKeys();
    keys.objectMeta("metadata");
    keys.put("status.conditions", ListRule.byKey("type"));
    return keys;
  }

  private void objectMeta(String prefix) {
    put(prefix + ".ownerReferences", ListRule.byKey("uid"));
    put(prefix + ".finalizers", ListRule.PRIMITIVE_SET);
  }

  private void podSpec(String prefix) {
    for (String containers : new String[] {"containers", "initContainers", "ephemeralContainers"}) {
      String container = prefix + "." + containers;
      put(container, ListRule.byKey("name"));
      put(container + "[].ports", ListRule.byKey("containerPort"));
      put(container + "[].env", ListRule.byKey("name"));
      put(container + "[].volumeMounts", ListRule.byKey("mountPath"));
      put(container + "[].volumeDevices", ListRule.byKey("devicePath"));
    }
    for (String named :
        new String[] {"volumes", "imagePullSecrets", "schedulingGates", "resourceClaims"}) {
      put(prefix + "." + named, ListRule.byKey("name"));
    }
    put(prefix + ".hostAliases", ListRule.byKey("ip"));
    put(prefix + ".topologySpreadConstraints", ListRule.byKey("topologyKey"));
  }

  private void put(String path, ListRule rule) {
    rules.put(path, rule);
  }
}
