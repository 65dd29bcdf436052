package dev.skiff.server.registry;

import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.resource.ResourceType;

/**
 * A step of {@link ModelAdmission} on the decoded object, so that the whole chain decodes the body
 * and the stored object once and encodes the result once. Like {@link Admission} it runs on a
 * worker thread and may block; failures are StatusExceptions.
 */
public interface ObjectAdmission {
  /**
   * Before defaulting and validation, on updates only: carry over or drop fields of the stored
   * object (for example values the server allocated that a PUT omitted).
   */
  default void prepareUpdate(ResourceType type, KubeObject object, KubeObject old) {}

  /**
   * After validation: fill in what the server assigns (for example allocated values).
   *
   * @param old the stored object for updates, null for creates
   */
  default void admitValid(ResourceType type, KubeObject object, KubeObject old) {}
}
