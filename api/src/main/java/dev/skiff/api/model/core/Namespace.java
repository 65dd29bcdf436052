package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 Namespace. */
public class Namespace extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Namespace";

  public NamespaceSpec spec;
  public NamespaceStatus status;

  public Namespace() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public NamespaceSpec spec() {
    if (spec == null) {
      spec = new NamespaceSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public NamespaceStatus status() {
    if (status == null) {
      status = new NamespaceStatus();
    }
    return status;
  }
}
