package dev.skiff.api.model.coordination;

import dev.skiff.api.model.meta.KubeList;

/** coordination.k8s.io/v1 LeaseList. */
public class LeaseList extends KubeList<Lease> {
  public LeaseList() {
    apiVersion = Lease.API_VERSION;
    kind = "LeaseList";
  }
}
