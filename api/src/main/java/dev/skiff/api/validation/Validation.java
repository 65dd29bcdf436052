package dev.skiff.api.validation;

import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.autoscaling.Scale;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusException;
import java.util.List;

/**
 * Validation as the Kubernetes API server does it, per kind, with its field paths, cause reasons
 * and messages. Expects a defaulted object ({@link dev.skiff.api.defaults.Defaults}); a field that
 * defaulting fills (protocol, restartPolicy, ...) is not reported when it is absent.
 */
public final class Validation {
  private Validation() {}

  /** The problems with {@code obj}; {@code old} is the stored object on update, null on create. */
  public static List<StatusCause> validate(KubeObject obj, KubeObject old) {
    ErrorList errs = new ErrorList();
    if (old != null) {
      ObjectMetaValidation.validateUpdate(
          obj.metadata, old.metadata, FieldPath.root("metadata"), errs);
    }
    if (obj instanceof Pod pod) {
      if (old instanceof Pod oldPod) {
        PodValidation.validateUpdateSpec(pod, oldPod, errs);
      }
      PodValidation.validate(pod, errs);
    } else if (obj instanceof Service svc) {
      if (old instanceof Service oldSvc) {
        ServiceIpValidation.validateUpdate(svc, oldSvc, errs);
      }
      ServiceValidation.validate(svc, errs);
    } else if (obj instanceof Deployment d) {
      if (old instanceof Deployment o) {
        WorkloadValidation.selectorImmutable(
            d.spec == null ? null : d.spec.selector, o.spec == null ? null : o.spec.selector, errs);
      }
      WorkloadValidation.validate(d, errs);
    } else if (obj instanceof ReplicaSet rs) {
      if (old instanceof ReplicaSet o) {
        WorkloadValidation.selectorImmutable(
            rs.spec == null ? null : rs.spec.selector,
            o.spec == null ? null : o.spec.selector,
            errs);
      }
      WorkloadValidation.validate(rs, errs);
    } else if (obj instanceof EndpointSlice es) {
      if (old instanceof EndpointSlice o) {
        EndpointSliceValidation.validateUpdate(es, o, errs);
      }
      EndpointSliceValidation.validate(es, errs);
    } else if (obj instanceof Node node) {
      if (old instanceof Node o) {
        NodeValidation.validateUpdate(node, o, errs);
      }
      NodeValidation.validate(node, errs);
    } else if (obj instanceof Endpoints ep) {
      EndpointsValidation.validate(ep, errs);
    } else if (obj instanceof Namespace ns) {
      NamespaceValidation.validate(ns, errs);
    } else if (obj instanceof Event ev) {
      EventValidation.validate(ev, errs);
    } else if (obj instanceof Lease lease) {
      LeaseValidation.validate(lease, errs);
    } else if (obj instanceof Scale scale) {
      LeaseValidation.validate(scale, errs);
    }
    return errs.causes();
  }

  /**
   * Throws 422 Invalid with one cause per field when {@code obj} is invalid. Status details carry
   * the kind ("Pod", or "Scale" for a scale), as the real server's NewInvalid does.
   */
  public static void validateOrThrow(ResourceType rt, KubeObject obj, KubeObject old) {
    List<StatusCause> causes = validate(obj, old);
    if (causes.isEmpty()) {
      return;
    }
    String name = obj.metadata == null ? null : obj.metadata.name;
    boolean scale = obj instanceof Scale;
    String group = scale ? "autoscaling" : rt.group();
    String kind = scale ? Scale.KIND : rt.kind();
    throw StatusException.invalid(group, kind, kind, name, causes);
  }
}
