package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 Service. */
public class Service extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Service";

  public ServiceSpec spec;
  public ServiceStatus status;

  public Service() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public ServiceSpec spec() {
    if (spec == null) {
      spec = new ServiceSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public ServiceStatus status() {
    if (status == null) {
      status = new ServiceStatus();
    }
    return status;
  }
}
