package dev.skiff.api.model.apiextensions;

import dev.skiff.api.model.meta.KubeList;

/** apiextensions.k8s.io/v1 CustomResourceDefinitionList. */
public class CustomResourceDefinitionList extends KubeList<CustomResourceDefinition> {
  public CustomResourceDefinitionList() {
    apiVersion = CustomResourceDefinition.API_VERSION;
    kind = "CustomResourceDefinitionList";
  }
}
