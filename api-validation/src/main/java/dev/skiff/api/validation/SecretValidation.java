package dev.skiff.api.validation;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.core.Base64Data;
import dev.skiff.api.model.core.Secret;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ValidateSecret and ValidateSecretUpdate: config keys, 1 MiB of data, the keys each built-in type
 * requires, {@code type} fixed at create, and {@code immutable} once set. Expects {@code
 * stringData} already folded into {@code data} (defaulting does it), so every key is reported under
 * data.
 */
public final class SecretValidation {
  static final String REDACTED = "<secret contents redacted>";

  /**
   * The character Jackson names in "Unexpected character ('x' ..." or "Unrecognized token 'x..".
   */
  private static final Pattern OFFENDING =
      Pattern.compile("(?:Unexpected character \\('|Unrecognized token ')(.)");

  private SecretValidation() {}

  public static void validate(Secret secret, ErrorList errs) {
    ObjectMetaValidation.validate(
        secret.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    FieldPath data = FieldPath.root("data");
    Map<String, String> values = secret.data == null ? Map.of() : secret.data;
    values.keySet().forEach(k -> ConfigMapValidation.keys(k, data.key(k), errs));
    if (Base64Data.size(secret.data) > ConfigMapValidation.MAX_SIZE) {
      errs.tooLong(data, ConfigMapValidation.MAX_SIZE);
    }
    String type = secret.type == null ? "" : secret.type;
    switch (type) {
      case Secret.TYPE_SERVICE_ACCOUNT_TOKEN -> {
        Map<String, String> annotations =
            secret.metadata == null ? null : secret.metadata.annotations;
        String account =
            annotations == null ? null : annotations.get(Secret.SERVICE_ACCOUNT_NAME_KEY);
        if (account == null || account.isEmpty()) {
          errs.required(
              FieldPath.root("metadata", "annotations").key(Secret.SERVICE_ACCOUNT_NAME_KEY), "");
        }
      }
      case Secret.TYPE_DOCKERCFG -> jsonKey(values, ".dockercfg", data, errs);
      case Secret.TYPE_DOCKER_CONFIG_JSON -> jsonKey(values, ".dockerconfigjson", data, errs);
      case Secret.TYPE_BASIC_AUTH -> {
        if (!values.containsKey("username") && !values.containsKey("password")) {
          errs.required(data.key("username"), "");
          errs.required(data.key("password"), "");
        }
      }
      case Secret.TYPE_SSH_AUTH -> {
        String key = values.get("ssh-privatekey");
        if (key == null || key.isEmpty()) {
          errs.required(data.key("ssh-privatekey"), "");
        }
      }
      case Secret.TYPE_TLS -> {
        for (String key : new String[] {"tls.crt", "tls.key"}) {
          if (!values.containsKey(key)) {
            errs.required(data.key(key), "");
          }
        }
      }
      default -> {
        // Opaque, bootstrap tokens and custom types: no required keys
      }
    }
  }

  public static void validateUpdate(Secret secret, Secret old, ErrorList errs) {
    ObjectMetaValidation.immutable(secret.type, old.type, FieldPath.root("type"), errs);
    if (Boolean.TRUE.equals(old.immutable)) {
      ConfigMapValidation.immutableFlag(secret.immutable, errs);
      ConfigMapValidation.unchanged(secret.data, old.data, "data", errs);
    }
  }

  /** The key must be present and hold a JSON object (json.Unmarshal into a map). */
  private static void jsonKey(
      Map<String, String> values, String key, FieldPath data, ErrorList errs) {
    String value = values.get(key);
    if (value == null) {
      errs.required(data.key(key), "");
      return;
    }
    String problem = unmarshalError(Base64Data.decode(value));
    if (problem != null) {
      errs.invalid(data.key(key), REDACTED, problem);
    }
  }

  /** Go's json.Unmarshal error for {@code map[string]interface{}}, or null when it decodes. */
  static String unmarshalError(byte[] bytes) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(bytes);
    } catch (JsonEOFException e) {
      return "unexpected end of JSON input";
    } catch (JsonParseException e) {
      Matcher m = OFFENDING.matcher(e.getOriginalMessage());
      return m.find()
          ? "invalid character '" + m.group(1) + "' looking for beginning of value"
          : "invalid JSON: " + e.getOriginalMessage();
    } catch (IOException e) {
      return e.getMessage();
    }
    if (node == null || node.isMissingNode()) {
      return "unexpected end of JSON input";
    }
    if (node.isObject() || node.isNull()) {
      return null;
    }
    String kind =
        switch (node.getNodeType()) {
          case ARRAY -> "array";
          case STRING -> "string";
          case NUMBER -> "number";
          case BOOLEAN -> "bool";
          default -> "value";
        };
    return "json: cannot unmarshal " + kind + " into Go value of type map[string]interface {}";
  }
}
