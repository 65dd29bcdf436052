package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.model.meta.Times;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Turns a client's object into the object to store on create: type and namespace checks, name
 * generation, server-owned metadata (uid, creationTimestamp, and generation 1 for the kinds with a
 * spec and EndpointSlices: ConfigMaps, Secrets, ServiceAccounts, Endpoints and Events have none, as
 * in Kubernetes), the initial status, then defaulting and validation. Pure apart from the clock and
 * random names.
 */
final class CreatePolicy {
  private static final List<String> SERVER_OWNED =
      List.of(
          "resourceVersion",
          "uid",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields",
          "selfLink");

  private final Clock clock;
  private final Admission admission;

  CreatePolicy(Clock clock, Admission admission) {
    this.clock = clock;
    this.admission = admission;
  }

  ObjectNode prepare(ResourceType type, String namespace, ObjectNode body) {
    TypeCheck.apiVersionAndKind(type, body);
    ObjectNode meta = Metadata.of(body);
    TypeCheck.namespace(type, namespace, meta);
    String name = Metadata.name(body);
    if (name.isEmpty()) {
      String prefix = meta.path("generateName").asText("");
      if (prefix.isEmpty()) {
        throw StatusException.invalid(
            type.group(),
            type.kind(),
            type.plural(),
            "",
            List.of(
                new StatusCause(
                    Reason.FIELD_VALUE_REQUIRED,
                    "Required value: name or generateName is required",
                    "metadata.name")));
      }
      meta.put("name", NameGenerator.generate(prefix));
    }
    meta.remove(SERVER_OWNED);
    meta.put("uid", UUID.randomUUID().toString());
    meta.put("creationTimestamp", Times.now(clock));
    if (type.hasSpec() || type == Resources.ENDPOINTSLICES) {
      meta.put("generation", 1);
    }
    initialStatus(type, body);
    return admission.admit(type, body, null);
  }

  /** The status a new object starts with, as the real registry strategies set it. */
  private static void initialStatus(ResourceType type, ObjectNode body) {
    if (type == Resources.PODS) {
      ObjectNode status = body.putObject("status");
      status.put("phase", "Pending");
      status.put("qosClass", QosClass.of(body.path("spec")));
    } else if (type == Resources.NAMESPACES) {
      body.putObject("status").put("phase", "Active");
    } else if (type == Resources.SERVICES) {
      body.putObject("status").putObject("loadBalancer");
    } else if (type == Resources.DEPLOYMENTS
        || type == Resources.REPLICASETS
        || type == Resources.STATEFULSETS
        || type == Resources.DAEMONSETS
        || type == Resources.REPLICATIONCONTROLLERS
        || type == Resources.JOBS
        || type == Resources.CRONJOBS) {
      body.putObject("status");
    }
  }
}
