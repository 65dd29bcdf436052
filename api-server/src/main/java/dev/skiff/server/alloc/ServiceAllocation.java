package dev.skiff.server.alloc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.HazelcastException;
import dev.skiff.api.Json;
import dev.skiff.api.defaults.ServiceDefaults;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.registry.Admission;

/**
 * The allocation step of the Service create/update path, as an {@link Admission} that runs after
 * another (defaulting and validation): it fills spec.clusterIP(s), the ports' nodePorts and
 * healthCheckNodePort, and claims a requested spec.loadBalancerIP, so the API answer already
 * carries them. Failures are the API errors Kubernetes gives (422 Invalid for a requested value,
 * 500 "range is full" for a dynamic one); a failed admission releases what it newly claimed.
 *
 * <p>On update, fields the new type no longer needs are dropped first ({@link
 * TypeDependentFields}). Releasing is not done here: what a Service no longer holds (deleted, or
 * its type changed down) is released by {@link AllocationController} once the write is visible, so
 * an aborted write never frees a value still stored. Dry runs claim too (the repair loop releases
 * such claims after its grace period).
 *
 * <p>Threads: on update it runs on the store's worker; on create the registry calls it on the
 * request's thread, where each claim is one synchronous Hazelcast map operation (sub-millisecond on
 * loopback).
 */
public final class ServiceAllocation implements Admission {
  private final Admission before;
  private final ServiceAllocators allocators;

  public ServiceAllocation(Admission before, ServiceAllocators allocators) {
    this.before = before;
    this.allocators = allocators;
  }

  @Override
  public ObjectNode admit(ResourceType type, ObjectNode object, ObjectNode old) {
    if (type != Resources.SERVICES) {
      return before.admit(type, object, old);
    }
    Service previous = old == null ? null : Json.convert(old, Service.class);
    ObjectNode incoming = object;
    if (previous != null) {
      Service prepared = Json.convert(object, Service.class);
      ServiceDefaults.patchAllocatedValues(prepared, previous);
      TypeDependentFields.drop(prepared, previous);
      incoming = Json.tree(prepared);
    }
    Service svc = Json.convert(before.admit(type, incoming, old), Service.class);
    try {
      new AllocationRun(allocators, svc, previous).apply();
    } catch (HazelcastException e) {
      throw StatusException.unavailable(
          "the service allocators are unavailable: " + e.getMessage());
    }
    return Json.tree(svc);
  }
}
