package dev.skiff.server.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * apimachinery's messages: meta/v1 (ObjectMeta, OwnerReference, LabelSelector, Condition, Time),
 * util/intstr IntOrString and api/resource Quantity, whose JSON forms are scalars.
 */
final class MetaSchema {
  private MetaSchema() {}

  /** meta/v1 Time {1: seconds, 2: nanos}: RFC 3339 in UTC to the second; absent when zero. */
  static final Message TIME =
      Message.special(
          "Time",
          in -> {
            long seconds = 0;
            long nanos = 0;
            while (in.hasMore()) {
              int tag = in.readTag();
              switch (WireReader.fieldNumber(tag) * 8 + WireReader.wireType(tag)) {
                case 8 + WireReader.VARINT -> seconds = in.readVarint();
                case 16 + WireReader.VARINT -> nanos = in.readVarint();
                default -> in.skip(WireReader.wireType(tag));
              }
            }
            if (seconds == 0 && nanos == 0) {
              return null;
            }
            return TextNode.valueOf(
                DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(seconds)));
          });

  /** util/intstr IntOrString {1: type (0 int, 1 string), 2: intVal, 3: strVal}. */
  static final Message INT_OR_STRING =
      Message.special(
          "IntOrString",
          in -> {
            long type = 0;
            int intVal = 0;
            String strVal = "";
            while (in.hasMore()) {
              int tag = in.readTag();
              switch (WireReader.fieldNumber(tag) * 8 + WireReader.wireType(tag)) {
                case 8 + WireReader.VARINT -> type = in.readVarint();
                case 16 + WireReader.VARINT -> intVal = (int) in.readVarint();
                case 24 + WireReader.LENGTH_DELIMITED -> strVal = in.readString();
                default -> in.skip(WireReader.wireType(tag));
              }
            }
            return type == 1 ? TextNode.valueOf(strVal) : IntNode.valueOf(intVal);
          });

  /** api/resource Quantity {1: string}: the canonical string, e.g. "500m". */
  static final Message QUANTITY =
      Message.special(
          "Quantity",
          in -> {
            JsonNode value = TextNode.valueOf("");
            while (in.hasMore()) {
              int tag = in.readTag();
              if (tag == (1 << 3 | WireReader.LENGTH_DELIMITED)) {
                value = TextNode.valueOf(in.readString());
              } else {
                in.skip(WireReader.wireType(tag));
              }
            }
            return value;
          });

  static final Message OWNER_REFERENCE =
      Message.named("OwnerReference")
          .string(5, "apiVersion")
          .always()
          .string(1, "kind")
          .always()
          .string(3, "name")
          .always()
          .string(4, "uid")
          .always()
          .boolPtr(6, "controller")
          .boolPtr(7, "blockOwnerDeletion");

  static final Message OBJECT_META =
      Message.named("ObjectMeta")
          .string(1, "name")
          .string(2, "generateName")
          .string(3, "namespace")
          .string(4, "selfLink")
          .string(5, "uid")
          .string(6, "resourceVersion")
          .int64(7, "generation")
          .message(8, "creationTimestamp", TIME)
          .messagePtr(9, "deletionTimestamp", TIME)
          .int64Ptr(10, "deletionGracePeriodSeconds")
          .stringMap(11, "labels")
          .stringMap(12, "annotations")
          .messages(13, "ownerReferences", OWNER_REFERENCE)
          .strings(14, "finalizers");

  static final Message LABEL_SELECTOR_REQUIREMENT =
      Message.named("LabelSelectorRequirement")
          .string(1, "key")
          .always()
          .string(2, "operator")
          .always()
          .strings(3, "values");

  static final Message LABEL_SELECTOR =
      Message.named("LabelSelector")
          .stringMap(1, "matchLabels")
          .messages(2, "matchExpressions", LABEL_SELECTOR_REQUIREMENT);

  static final Message CONDITION =
      Message.named("Condition")
          .string(1, "type")
          .always()
          .string(2, "status")
          .always()
          .int64(3, "observedGeneration")
          .message(4, "lastTransitionTime", TIME)
          .string(5, "reason")
          .string(6, "message");
}
