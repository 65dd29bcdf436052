package dev.skiff.api.model.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skiff.api.model.meta.KubeObject;
import java.util.List;

/** v1 ServiceAccount. */
@JsonPropertyOrder({
  "apiVersion",
  "kind",
  "metadata",
  "secrets",
  "imagePullSecrets",
  "automountServiceAccountToken"
})
public class ServiceAccount extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "ServiceAccount";

  public List<ObjectReference> secrets;
  public List<LocalObjectReference> imagePullSecrets;
  public Boolean automountServiceAccountToken;

  public ServiceAccount() {
    super(API_VERSION, KIND);
  }
}
