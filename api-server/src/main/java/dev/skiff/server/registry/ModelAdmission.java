package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;

/**
 * Admission through the api module's model: Defaults.apply then Validation.validateOrThrow on the
 * typed object. (Wired to pass-through until those classes land.)
 */
public final class ModelAdmission implements Admission {
  public static final ModelAdmission INSTANCE = new ModelAdmission();

  private ModelAdmission() {}

  @Override
  public ObjectNode admit(ResourceType type, ObjectNode object, ObjectNode old) {
    return object;
  }
}
