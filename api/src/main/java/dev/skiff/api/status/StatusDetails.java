package dev.skiff.api.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * metav1.StatusDetails. {@code kind} holds the plural resource name, as the real server does. Every
 * field is {@code omitempty} in Go: an empty group (the core group) or name is left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class StatusDetails {
  public String name;
  public String group;
  public String kind;
  public String uid;
  public List<StatusCause> causes;
  public Integer retryAfterSeconds;

  public static StatusDetails of(String group, String resource, String name) {
    StatusDetails d = new StatusDetails();
    d.group = group;
    d.kind = resource;
    d.name = name;
    return d;
  }

  public StatusDetails withCauses(List<StatusCause> list) {
    this.causes = new ArrayList<>(list);
    return this;
  }
}
