package dev.skiff.server.openapi;

import dev.skiff.api.model.meta.IntOrString;
import java.util.Map;

/**
 * The Kubernetes OpenAPI definition name of a model class: {@code io.k8s.api.core.v1.Container},
 * {@code io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}. The model's package names the API group
 * ({@code dev.skiff.api.model.apps} is {@code io.k8s.api.apps.v1}); a package not in the table is
 * taken as a v1 group of that name, so a new group's kinds get names without an edit here.
 */
final class DefinitionNames {
  static final String MODEL_PACKAGE = "dev.skiff.api.model.";
  static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  static final String TIME = META + "Time";
  static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

  private static final Map<String, String> PREFIXES =
      Map.of(
          "meta",
          META,
          "metrics",
          "io.k8s.metrics.pkg.apis.metrics.v1beta1.",
          "apiextensions",
          "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.");

  private DefinitionNames() {}

  static String of(Class<?> type) {
    if (type == IntOrString.class) {
      return INT_OR_STRING;
    }
    String pkg = type.getPackageName();
    String group = pkg.startsWith(MODEL_PACKAGE) ? pkg.substring(MODEL_PACKAGE.length()) : pkg;
    return PREFIXES.getOrDefault(group, "io.k8s.api." + group + ".v1.") + type.getSimpleName();
  }
}
