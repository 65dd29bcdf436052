package dev.skiff.api.model.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.skiff.api.model.meta.KubeObject;
import java.util.Map;

/**
 * v1 Secret. {@code data} values are base64 text, as on the wire; {@code stringData} is write-only:
 * defaulting folds it into {@code data} and drops it, so it is never stored or returned.
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "immutable", "data", "stringData", "type"})
public class Secret extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Secret";

  public static final String TYPE_OPAQUE = "Opaque";
  public static final String TYPE_SERVICE_ACCOUNT_TOKEN = "kubernetes.io/service-account-token";
  public static final String TYPE_DOCKERCFG = "kubernetes.io/dockercfg";
  public static final String TYPE_DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";
  public static final String TYPE_BASIC_AUTH = "kubernetes.io/basic-auth";
  public static final String TYPE_SSH_AUTH = "kubernetes.io/ssh-auth";
  public static final String TYPE_TLS = "kubernetes.io/tls";
  public static final String TYPE_BOOTSTRAP_TOKEN = "bootstrap.kubernetes.io/token";

  /** The annotation a service-account-token Secret names its ServiceAccount with. */
  public static final String SERVICE_ACCOUNT_NAME_KEY = "kubernetes.io/service-account.name";

  /** The key of a service-account-token Secret's token. */
  public static final String SERVICE_ACCOUNT_TOKEN_KEY = "token";

  public Boolean immutable;

  @JsonDeserialize(contentUsing = Base64Data.Checked.class)
  public Map<String, String> data;

  public Map<String, String> stringData;
  public String type;

  public Secret() {
    super(API_VERSION, KIND);
  }
}
