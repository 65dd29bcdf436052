package dev.skiff.server.protobuf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.status.StatusException;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decodes a Kubernetes protobuf request body ({@code application/vnd.kubernetes.protobuf}) into the
 * JSON object kubectl would have sent as JSON, so the JSON path handles it unchanged (defaults,
 * validation, admission, errors).
 *
 * <p>The body is the magic {@code k8s\0} then a runtime.Unknown message {1: TypeMeta{1: apiVersion,
 * 2: kind}, 2: raw object bytes, 3: contentEncoding, 4: contentType}; the raw bytes are the kind's
 * own message (see the schema classes). A malformed body is a 400 BadRequest; a kind without a
 * schema here, or a content encoding, is a 415 UnsupportedMediaType.
 */
public final class KubeProtobuf {
  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private static final Map<String, Message> KINDS =
      Map.ofEntries(
          Map.entry("v1/Namespace", NamespaceSchema.NAMESPACE),
          Map.entry("v1/Service", ServiceSchema.SERVICE),
          Map.entry("v1/Pod", PodSchema.POD),
          Map.entry("v1/ConfigMap", ConfigSchema.CONFIG_MAP),
          Map.entry("v1/Secret", ConfigSchema.SECRET),
          Map.entry("v1/ServiceAccount", ConfigSchema.SERVICE_ACCOUNT),
          Map.entry("authentication.k8s.io/v1/TokenRequest", ConfigSchema.TOKEN_REQUEST),
          Map.entry("apps/v1/Deployment", AppsSchema.DEPLOYMENT),
          Map.entry("apps/v1/ReplicaSet", AppsSchema.REPLICA_SET),
          Map.entry("batch/v1/Job", BatchSchema.JOB),
          Map.entry("batch/v1/CronJob", BatchSchema.CRON_JOB),
          Map.entry("rbac.authorization.k8s.io/v1/Role", RbacSchema.ROLE),
          Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", RbacSchema.CLUSTER_ROLE),
          Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RbacSchema.ROLE_BINDING),
          Map.entry(
              "rbac.authorization.k8s.io/v1/ClusterRoleBinding", RbacSchema.CLUSTER_ROLE_BINDING),
          Map.entry("authentication.k8s.io/v1/SelfSubjectReview", ReviewSchema.SELF_SUBJECT_REVIEW),
          Map.entry(
              "authorization.k8s.io/v1/SelfSubjectAccessReview",
              ReviewSchema.SELF_SUBJECT_ACCESS_REVIEW),
          Map.entry(
              "authorization.k8s.io/v1/SelfSubjectRulesReview",
              ReviewSchema.SELF_SUBJECT_RULES_REVIEW));

  private KubeProtobuf() {}

  /**
   * The JSON object for a protobuf request body, with {@code apiVersion} and {@code kind} set.
   *
   * @throws StatusException 400 BadRequest for an empty or malformed body, 415 UnsupportedMediaType
   *     for a kind that has no protobuf schema here or an encoded payload
   */
  public static ObjectNode decode(byte[] body) {
    if (body.length == 0) {
      throw StatusException.badRequest("the body of the request was empty");
    }
    if (!hasMagic(body)) {
      throw StatusException.badRequest(
          "error decoding the protobuf request body: it does not start with the k8s\\0 prefix");
    }
    try {
      return decodeUnknown(WireReader.range(body, MAGIC.length, body.length));
    } catch (MalformedProtobufException e) {
      throw StatusException.badRequest(
          "error decoding the protobuf request body: " + e.getMessage());
    }
  }

  private static ObjectNode decodeUnknown(WireReader in) {
    String apiVersion = "";
    String kind = "";
    String encoding = "";
    WireReader raw = new WireReader(new byte[0]);
    while (in.hasMore()) {
      int tag = in.readTag();
      switch (WireReader.fieldNumber(tag) * 8 + WireReader.wireType(tag)) {
        case 8 + WireReader.LENGTH_DELIMITED -> {
          WireReader typeMeta = in.readSlice();
          while (typeMeta.hasMore()) {
            int t = typeMeta.readTag();
            switch (WireReader.fieldNumber(t) * 8 + WireReader.wireType(t)) {
              case 8 + WireReader.LENGTH_DELIMITED -> apiVersion = typeMeta.readString();
              case 16 + WireReader.LENGTH_DELIMITED -> kind = typeMeta.readString();
              default -> typeMeta.skip(WireReader.wireType(t));
            }
          }
        }
        case 16 + WireReader.LENGTH_DELIMITED -> raw = in.readSlice();
        case 24 + WireReader.LENGTH_DELIMITED -> encoding = in.readString();
        default -> in.skip(WireReader.wireType(tag));
      }
    }
    if (kind.isEmpty() || apiVersion.isEmpty()) {
      throw StatusException.badRequest(
          "error decoding the protobuf request body: apiVersion and kind are required");
    }
    Message type = KINDS.get(apiVersion + "/" + kind);
    if (type == null) {
      throw StatusException.unsupportedMediaType(
          "protobuf request bodies are not supported for "
              + kind
              + " ("
              + apiVersion
              + "); send application/json - protobuf is decoded for: "
              + String.join(", ", new TreeSet<>(KINDS.keySet())));
    }
    if (!encoding.isEmpty()) {
      throw StatusException.unsupportedMediaType(
          "protobuf request bodies with contentEncoding " + encoding + " are not supported");
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    object.setAll(MessageDecoder.object(type, raw));
    return object;
  }

  private static boolean hasMagic(byte[] body) {
    if (body.length < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (body[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
