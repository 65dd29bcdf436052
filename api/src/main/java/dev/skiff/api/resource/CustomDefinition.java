package dev.skiff.api.resource;

/**
 * What a kind defined at run time carries besides its {@link ResourceType}: one served version of a
 * CustomResourceDefinition, compiled by the API server (schema, printer columns, scale paths).
 */
public interface CustomDefinition {
  /** The CustomResourceDefinition's name: "crontabs.stable.example.com". */
  String definitionName();
}
