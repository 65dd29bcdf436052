package dev.skiff.server.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.defaults.Defaults;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.StatusException;
import dev.skiff.api.validation.Validation;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Admission through the api module's model: the object is decoded into its Java type (a body that
 * does not fit the type is a 400 in Go's words, see {@link DecodeErrors}; fields the type does not
 * declare are dropped, see {@link UnknownFields}), prepared by the {@link ObjectAdmission} steps on
 * update, defaulted ({@link Defaults#applyOnCreate} on create, {@link Defaults#apply} on update),
 * validated against the stored object ({@link Validation#validateOrThrow}, 422 Invalid), admitted
 * by the steps (for example Service allocation), and encoded back: one decode and one encode per
 * write.
 */
public final class ModelAdmission implements Admission {
  public static final ModelAdmission INSTANCE = new ModelAdmission(List.of(), () -> false);

  private final List<ObjectAdmission> steps;
  private final BooleanSupplier serviceAccounts;

  private ModelAdmission(List<ObjectAdmission> steps, BooleanSupplier serviceAccounts) {
    this.steps = List.copyOf(steps);
    this.serviceAccounts = serviceAccounts;
  }

  /**
   * This admission, refusing pods whose ServiceAccount does not exist whenever {@code enabled} says
   * so (while a controller keeps the {@code default} ServiceAccounts).
   */
  public ModelAdmission withServiceAccounts(BooleanSupplier enabled) {
    return new ModelAdmission(steps, enabled);
  }

  @Override
  public boolean checksServiceAccounts() {
    return serviceAccounts.getAsBoolean();
  }

  /** This admission with {@code step} after the present steps. */
  public ModelAdmission with(ObjectAdmission step) {
    List<ObjectAdmission> more = new ArrayList<>(steps);
    more.add(step);
    return new ModelAdmission(more, serviceAccounts);
  }

  @Override
  public ObjectNode admit(ResourceType type, ObjectNode object, ObjectNode old) {
    KubeObject typed = decode(type, object);
    UnknownFields.prune(typed);
    KubeObject stored = old == null ? null : decode(type, old);
    if (stored == null) {
      Defaults.applyOnCreate(typed);
    } else {
      steps.forEach(s -> s.prepareUpdate(type, typed, stored));
      Defaults.apply(typed);
    }
    Validation.validateOrThrow(type, typed, stored);
    steps.forEach(s -> s.admitValid(type, typed, stored));
    return Json.tree(typed);
  }

  private static KubeObject decode(ResourceType type, ObjectNode object) {
    try {
      return Json.convert(object, type.type());
    } catch (UncheckedIOException | IllegalArgumentException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof JsonMappingException mapping) {
        throw DecodeErrors.of(type, object, mapping);
      }
      String detail =
          cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
      throw StatusException.badRequest(
          type.kind()
              + " in version \""
              + type.version()
              + "\" cannot be handled as a "
              + type.kind()
              + ": "
              + detail);
    }
  }
}
