package dev.skiff.api.model.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.skiff.api.model.meta.KubeObject;
import java.util.Map;

/** v1 ConfigMap. {@code binaryData} values are base64 text, as on the wire. */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "immutable", "data", "binaryData"})
public class ConfigMap extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "ConfigMap";

  public Boolean immutable;
  public Map<String, String> data;

  @JsonDeserialize(contentUsing = Base64Data.Checked.class)
  public Map<String, String> binaryData;

  public ConfigMap() {
    super(API_VERSION, KIND);
  }
}
