package dev.skiff.api.model.coordination;

import dev.skiff.api.model.meta.KubeObject;

/** coordination.k8s.io/v1 Lease. */
public class Lease extends KubeObject {
  public static final String API_VERSION = "coordination.k8s.io/v1";
  public static final String KIND = "Lease";

  public LeaseSpec spec;

  public Lease() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public LeaseSpec spec() {
    if (spec == null) {
      spec = new LeaseSpec();
    }
    return spec;
  }
}
