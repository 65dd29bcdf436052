package dev.skiff.api.model.meta;

/**
 * An object of a kind defined at run time (a custom resource): apiVersion, kind and metadata typed,
 * everything else kept as it came in {@link #additionalProperties()}.
 */
public class GenericObject extends KubeObject {
  public GenericObject() {
    super(null, null);
  }
}
