package dev.skiff.api.model.meta;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every top-level Kubernetes object: apiVersion, kind, metadata. Fields the model does not
 * know are kept in {@link #additionalProperties} and written back unchanged (round-trip).
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata"})
public abstract class KubeObject {
  public String apiVersion;
  public String kind;
  public ObjectMeta metadata;

  private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

  protected KubeObject(String apiVersion, String kind) {
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  @JsonAnyGetter
  public Map<String, Object> additionalProperties() {
    return additionalProperties;
  }

  @JsonAnySetter
  public void setAdditionalProperty(String name, Object value) {
    additionalProperties.put(name, value);
  }

  /** The metadata, created empty on first use. */
  public ObjectMeta meta() {
    if (metadata == null) {
      metadata = new ObjectMeta();
    }
    return metadata;
  }
}
