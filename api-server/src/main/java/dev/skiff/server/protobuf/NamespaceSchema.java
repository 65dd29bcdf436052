package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.MetaSchema.OBJECT_META;

/** core/v1 Namespace: metadata, finalizers and phase. */
final class NamespaceSchema {
  private NamespaceSchema() {}

  static final Message NAMESPACE =
      Message.named("Namespace")
          .message(1, "metadata", OBJECT_META)
          .message(2, "spec", Message.named("NamespaceSpec").strings(1, "finalizers"))
          .message(
              3,
              "status",
              Message.named("NamespaceStatus")
                  .string(1, "phase")
                  .messages(
                      2,
                      "conditions",
                      Message.named("NamespaceCondition")
                          .string(1, "type")
                          .always()
                          .string(2, "status")
                          .always()
                          .message(4, "lastTransitionTime", MetaSchema.TIME)
                          .string(5, "reason")
                          .string(6, "message")));
}
