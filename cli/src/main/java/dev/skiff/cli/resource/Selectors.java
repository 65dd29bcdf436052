package dev.skiff.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;

/** What expose introspects: the pods' selector and port of the exposed object. */
final class Selectors {
  private Selectors() {}

  /** matchLabels of a deployment or replica set, a pod's labels, a service's selector. */
  static JsonNode of(ResourceType type, JsonNode object) {
    if (type == Resources.PODS) {
      JsonNode labels = object.path("metadata").path("labels");
      if (!labels.isObject() || labels.isEmpty()) {
        throw CliException.failed(
            "couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed");
      }
      return labels;
    }
    if (type == Resources.SERVICES) {
      JsonNode selector = object.path("spec").path("selector");
      if (!selector.isObject() || selector.isEmpty()) {
        throw CliException.failed(
            "couldn't retrieve selectors via --selector flag or introspection: the service has no selector");
      }
      return selector;
    }
    JsonNode selector = object.path("spec").path("selector");
    if (!selector.path("matchExpressions").isEmpty()) {
      throw CliException.failed(
          "couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - \""
              + selector.path("matchExpressions")
              + "\" to map-based selector format");
    }
    JsonNode labels = selector.path("matchLabels");
    if (!labels.isObject() || labels.isEmpty()) {
      throw CliException.failed(
          "couldn't retrieve selectors via --selector flag or introspection: the "
              + type.singular()
              + " has no matchLabels");
    }
    return labels;
  }

  /** The first container port of the pod (template), for expose without --port. */
  static int firstContainerPort(ResourceType type, JsonNode object) {
    JsonNode podSpec =
        type == Resources.PODS
            ? object.path("spec")
            : object.path("spec").path("template").path("spec");
    if (type == Resources.SERVICES) {
      int port = object.path("spec").path("ports").path(0).path("port").asInt(0);
      if (port > 0) {
        return port;
      }
    }
    for (JsonNode c : podSpec.path("containers")) {
      for (JsonNode p : c.path("ports")) {
        if (p.path("containerPort").asInt(0) > 0) {
          return p.path("containerPort").asInt();
        }
      }
    }
    throw CliException.failed("couldn't find port via --port flag or introspection");
  }
}
