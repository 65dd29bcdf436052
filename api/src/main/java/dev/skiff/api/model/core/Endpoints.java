package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;
import java.util.List;

/** v1 Endpoints: the legacy per-Service backend list (no spec, no status). */
public class Endpoints extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Endpoints";

  public List<EndpointSubset> subsets;

  public Endpoints() {
    super(API_VERSION, KIND);
  }
}
