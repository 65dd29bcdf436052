package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.names.Names;
import dev.skiff.api.validation.ErrorList;
import dev.skiff.api.validation.FieldPath;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * apiextensions-apiserver's ValidateCustomResourceDefinition for what Skiff serves: the name,
 * group, scope, names, versions (exactly one storage version, unique DNS-1035 names, a schema with
 * {@code type: object} at the root), printer columns, and the fields an update may not change.
 */
final class CrdValidation {
  private static final List<String> SCOPES = List.of("Cluster", "Namespaced");
  private static final List<String> COLUMN_TYPES =
      List.of("integer", "number", "string", "boolean", "date");

  private CrdValidation() {}

  static ErrorList validate(JsonNode crd, JsonNode old) {
    ErrorList errs = new ErrorList();
    JsonNode spec = crd.path("spec");
    String group = spec.path("group").asText("");
    String plural = spec.path("names").path("plural").asText("");
    String name = crd.path("metadata").path("name").asText("");
    if (!name.equals(plural + "." + group)) {
      errs.invalid(
          FieldPath.root("metadata", "name"), name, "must be spec.names.plural+\".\"+spec.group");
    }
    FieldPath specPath = FieldPath.root("spec");
    if (group.isEmpty()) {
      errs.required(specPath.child("group"), "");
    } else {
      errs.invalidEach(specPath.child("group"), group, Names.isDns1123Subdomain(group));
      if (!group.contains(".")) {
        errs.invalid(specPath.child("group"), group, "should be a domain with at least one dot");
      }
    }
    String scope = spec.path("scope").asText("");
    if (scope.isEmpty()) {
      errs.required(specPath.child("scope"), "");
    } else if (!SCOPES.contains(scope)) {
      errs.notSupported(specPath.child("scope"), scope, SCOPES);
    }
    names(spec.path("names"), specPath.child("names"), errs);
    versions(spec.path("versions"), specPath.child("versions"), errs);
    if (old != null) {
      immutable(spec, old.path("spec"), "group", specPath, errs);
      immutable(spec, old.path("spec"), "scope", specPath, errs);
    }
    return errs;
  }

  private static void names(JsonNode names, FieldPath path, ErrorList errs) {
    dns1035(names.path("plural").asText(""), path.child("plural"), true, errs);
    dns1035(names.path("singular").asText(""), path.child("singular"), false, errs);
    int i = 0;
    for (JsonNode shortName : names.path("shortNames")) {
      dns1035(shortName.asText(""), path.child("shortNames").index(i++), false, errs);
    }
    String kind = names.path("kind").asText("");
    if (kind.isEmpty()) {
      errs.required(path.child("kind"), "");
    } else {
      List<String> problems = Names.isDns1035Label(kind.toLowerCase(Locale.ROOT));
      if (!problems.isEmpty()) {
        errs.invalid(path.child("kind"), kind, String.join(",", problems));
      }
    }
  }

  private static void dns1035(String value, FieldPath path, boolean required, ErrorList errs) {
    if (value.isEmpty()) {
      if (required) {
        errs.required(path, "");
      }
      return;
    }
    List<String> problems = Names.isDns1035Label(value);
    if (!problems.isEmpty()) {
      errs.invalid(path, value, String.join(",", problems));
    }
  }

  private static void versions(JsonNode versions, FieldPath path, ErrorList errs) {
    if (!versions.isArray() || versions.isEmpty()) {
      errs.invalid(path, List.of(), "must have exactly one version marked as storage version");
      return;
    }
    int storage = 0;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < versions.size(); i++) {
      JsonNode v = versions.get(i);
      FieldPath vp = path.index(i);
      String name = v.path("name").asText("");
      if (name.isEmpty()) {
        errs.required(vp.child("name"), "");
      } else {
        errs.invalidEach(vp.child("name"), name, Names.isDns1035Label(name));
        if (!seen.add(name)) {
          errs.invalid(vp.child("name"), name, "must be unique");
        }
      }
      storage += v.path("storage").asBoolean(false) ? 1 : 0;
      JsonNode schema = v.path("schema").path("openAPIV3Schema");
      FieldPath sp = vp.child("schema", "openAPIV3Schema");
      if (!schema.isObject()) {
        errs.required(sp, "schemas are required");
      } else if (!"object".equals(schema.path("type").asText(""))) {
        errs.invalid(
            sp.child("type"), schema.path("type").asText(""), "must be object at the root");
      }
      int c = 0;
      for (JsonNode column : v.path("additionalPrinterColumns")) {
        FieldPath cp = vp.child("additionalPrinterColumns").index(c++);
        if (column.path("name").asText("").isEmpty()) {
          errs.required(cp.child("name"), "");
        }
        String type = column.path("type").asText("");
        if (type.isEmpty()) {
          errs.required(cp.child("type"), "");
        } else if (!COLUMN_TYPES.contains(type)) {
          errs.notSupported(cp.child("type"), type, COLUMN_TYPES);
        }
        if (column.path("jsonPath").asText("").isEmpty()) {
          errs.required(cp.child("jsonPath"), "");
        }
      }
    }
    if (storage != 1) {
      errs.invalid(
          path,
          SchemaValidation.plain(versions),
          "must have exactly one version marked as storage version");
    }
  }

  private static void immutable(
      JsonNode spec, JsonNode old, String field, FieldPath path, ErrorList errs) {
    String now = spec.path(field).asText("");
    if (!now.equals(old.path(field).asText(""))) {
      errs.invalid(path.child(field), now, "field is immutable");
    }
  }
}
