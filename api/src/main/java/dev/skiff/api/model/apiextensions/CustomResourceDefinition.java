package dev.skiff.api.model.apiextensions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.model.meta.KubeObject;

/**
 * apiextensions.k8s.io/v1 CustomResourceDefinition. Its spec (names, versions, OpenAPI v3 schemas)
 * and status stay JSON trees: the API server reads them field by field ({@code
 * dev.skiff.server.crd}), and a schema is recursive JSON anyway.
 */
public class CustomResourceDefinition extends KubeObject {
  public static final String API_VERSION = "apiextensions.k8s.io/v1";
  public static final String KIND = "CustomResourceDefinition";

  public ObjectNode spec;
  public ObjectNode status;

  public CustomResourceDefinition() {
    super(API_VERSION, KIND);
  }
}
