package dev.skiff.api.model.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.skiff.api.model.meta.Extensible;

/** v1 DaemonEndpoint. The wire name is capitalised: {@code {"Port": 10250}}. */
public class DaemonEndpoint extends Extensible {
  @JsonProperty("Port")
  public Integer port;
}
