package dev.skiff.cli.describe;

import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;

/** Picks the layout for a kind. */
public final class Describers {
  private Describers() {}

  public static String describe(ResourceType type, DescribeInput in) {
    if (type == Resources.PODS) {
      return PodDescriber.describe(in);
    }
    if (type == Resources.SERVICES) {
      return ServiceDescriber.describe(in);
    }
    if (type == Resources.DEPLOYMENTS) {
      return WorkloadDescriber.deployment(in);
    }
    if (type == Resources.REPLICASETS) {
      return WorkloadDescriber.replicaSet(in);
    }
    if (type == Resources.NODES) {
      return NodeDescriber.describe(in);
    }
    if (type == Resources.ENDPOINTSLICES) {
      return EndpointsDescriber.slice(in);
    }
    if (type == Resources.ENDPOINTS) {
      return EndpointsDescriber.endpoints(in);
    }
    if (type == Resources.NAMESPACES) {
      return EndpointsDescriber.namespace(in);
    }
    if (type == Resources.CONFIGMAPS) {
      return ConfigDescriber.configMap(in);
    }
    if (type == Resources.SECRETS) {
      return ConfigDescriber.secret(in);
    }
    if (type == Resources.SERVICEACCOUNTS) {
      return ConfigDescriber.serviceAccount(in);
    }
    return GenericDescriber.describe(in);
  }
}
