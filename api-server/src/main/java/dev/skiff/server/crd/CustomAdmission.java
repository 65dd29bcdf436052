package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.registry.Admission;
import java.time.Clock;

/**
 * The admission of every write: custom resources by their CRD ({@link CustomResourceAdmission}),
 * CustomResourceDefinitions by the built-in admission and then {@link CrdAdmission}, every other
 * kind by the built-in admission alone.
 */
public final class CustomAdmission implements Admission {
  private final Admission builtIn;
  private final CustomResourceAdmission resources;
  private final CrdAdmission definitions;

  public CustomAdmission(CustomKinds kinds, Clock clock, Admission builtIn) {
    this.builtIn = builtIn;
    this.resources = new CustomResourceAdmission(kinds);
    this.definitions = new CrdAdmission(kinds, clock);
  }

  @Override
  public ObjectNode admit(ResourceType type, ObjectNode object, ObjectNode old) {
    if (type.isCustom()) {
      return resources.admit(type, object, old);
    }
    ObjectNode admitted = builtIn.admit(type, object, old);
    return type == Resources.CUSTOMRESOURCEDEFINITIONS
        ? definitions.admit(admitted, old)
        : admitted;
  }

  @Override
  public boolean checksServiceAccounts() {
    return builtIn.checksServiceAccounts();
  }
}
