package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.MetaSchema.OBJECT_META;

/**
 * authentication/v1 SelfSubjectReview and authorization/v1 SelfSubjectAccessReview and
 * SelfSubjectRulesReview: kubectl's {@code auth whoami} and {@code auth can-i} POST them as
 * protobuf. Only the request side (metadata and spec) is decoded; the server fills in the status.
 */
final class ReviewSchema {
  private ReviewSchema() {}

  static final Message SELF_SUBJECT_REVIEW =
      Message.named("SelfSubjectReview").message(1, "metadata", OBJECT_META);

  private static final Message RESOURCE_ATTRIBUTES =
      Message.named("ResourceAttributes")
          .string(1, "namespace")
          .string(2, "verb")
          .string(3, "group")
          .string(4, "version")
          .string(5, "resource")
          .string(6, "subresource")
          .string(7, "name");

  private static final Message NON_RESOURCE_ATTRIBUTES =
      Message.named("NonResourceAttributes").string(1, "path").string(2, "verb");

  static final Message SELF_SUBJECT_ACCESS_REVIEW =
      Message.named("SelfSubjectAccessReview")
          .message(1, "metadata", OBJECT_META)
          .message(
              2,
              "spec",
              Message.named("SelfSubjectAccessReviewSpec")
                  .message(1, "resourceAttributes", RESOURCE_ATTRIBUTES)
                  .message(2, "nonResourceAttributes", NON_RESOURCE_ATTRIBUTES));

  static final Message SELF_SUBJECT_RULES_REVIEW =
      Message.named("SelfSubjectRulesReview")
          .message(1, "metadata", OBJECT_META)
          .message(2, "spec", Message.named("SelfSubjectRulesReviewSpec").string(1, "namespace"));
}
