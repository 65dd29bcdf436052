package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.ContainerSchema.LOCAL_OBJECT_REFERENCE;
import static dev.skiff.server.protobuf.MetaSchema.OBJECT_META;

/**
 * core/v1 ConfigMap, Secret and ServiceAccount, the bodies of {@code kubectl create configmap},
 * {@code create secret generic|tls|docker-registry} and {@code create serviceaccount}. Byte values
 * ({@code binaryData}, Secret {@code data}) become base64 text, as in their JSON form.
 */
final class ConfigSchema {
  private ConfigSchema() {}

  static final Message CONFIG_MAP =
      Message.named("ConfigMap")
          .message(1, "metadata", OBJECT_META)
          .boolPtr(4, "immutable")
          .stringMap(2, "data")
          .bytesMap(3, "binaryData");

  static final Message SECRET =
      Message.named("Secret")
          .message(1, "metadata", OBJECT_META)
          .boolPtr(5, "immutable")
          .bytesMap(2, "data")
          .stringMap(4, "stringData")
          .string(3, "type");

  static final Message OBJECT_REFERENCE =
      Message.named("ObjectReference")
          .string(1, "kind")
          .string(2, "namespace")
          .string(3, "name")
          .string(4, "uid")
          .string(5, "apiVersion")
          .string(6, "resourceVersion")
          .string(7, "fieldPath");

  static final Message SERVICE_ACCOUNT =
      Message.named("ServiceAccount")
          .message(1, "metadata", OBJECT_META)
          .messages(2, "secrets", OBJECT_REFERENCE)
          .messages(3, "imagePullSecrets", LOCAL_OBJECT_REFERENCE)
          .boolPtr(4, "automountServiceAccountToken");

  static final Message BOUND_OBJECT_REFERENCE =
      Message.named("BoundObjectReference")
          .string(1, "kind")
          .string(2, "apiVersion")
          .string(3, "name")
          .string(4, "uid");

  /** authentication.k8s.io/v1 TokenRequest, the body of {@code kubectl create token}. */
  static final Message TOKEN_REQUEST =
      Message.named("TokenRequest")
          .message(1, "metadata", OBJECT_META)
          .message(
              2,
              "spec",
              Message.named("TokenRequestSpec")
                  .strings(1, "audiences")
                  .int64(4, "expirationSeconds")
                  .messagePtr(3, "boundObjectRef", BOUND_OBJECT_REFERENCE));
}
