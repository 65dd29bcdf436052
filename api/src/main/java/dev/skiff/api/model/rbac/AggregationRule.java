package dev.skiff.api.model.rbac;

import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.LabelSelector;
import java.util.List;

/** rbac/v1 AggregationRule: the ClusterRoles whose rules an aggregated ClusterRole gathers. */
public class AggregationRule extends Extensible {
  public List<LabelSelector> clusterRoleSelectors;
}
