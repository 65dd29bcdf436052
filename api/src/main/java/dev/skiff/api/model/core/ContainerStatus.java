package dev.skiff.api.model.core;

import com.fasterxml.jackson.annotation.JsonGetter;
import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** v1 ContainerStatus. */
public class ContainerStatus extends Extensible {
  public String name;
  public ContainerState state;
  public ContainerState lastState;
  public Boolean ready;
  public Integer restartCount;
  public String image;
  public String imageID;
  public String containerID;
  public Boolean started;
  public Map<String, String> allocatedResources;
  public Map<String, Object> resources;
  public List<Map<String, Object>> volumeMounts;
  public Map<String, Object> user;
  public List<Map<String, Object>> allocatedResourcesStatus;
  public String stopSignal;

  /**
   * Go writes imageID always (no omitempty): {@code ""} for a container that never started. Clients
   * that check required fields (the Python client) reject a status without it.
   */
  @JsonGetter("imageID")
  public String imageIdOrEmpty() {
    return imageID == null ? "" : imageID;
  }
}
