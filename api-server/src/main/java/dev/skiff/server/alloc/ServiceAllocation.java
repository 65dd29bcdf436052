package dev.skiff.server.alloc;

import com.hazelcast.core.HazelcastException;
import dev.skiff.api.defaults.ServiceDefaults;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.registry.ModelAdmission;
import dev.skiff.server.registry.ObjectAdmission;

/**
 * The allocation step of the Service create/update path, as an {@link ObjectAdmission} of {@link
 * ModelAdmission}: after defaulting and validation it fills spec.clusterIP(s), the ports' nodePorts
 * and healthCheckNodePort, and claims a requested spec.loadBalancerIP, so the API answer already
 * carries them. Failures are the API errors Kubernetes gives (422 Invalid for a requested value,
 * 500 "range is full" for a dynamic one); a failed admission releases what it newly claimed.
 *
 * <p>On update, before defaulting, allocated values a PUT omitted are kept and fields the new type
 * no longer needs are dropped ({@link TypeDependentFields}). Releasing is not done here: what a
 * Service no longer holds (deleted, or its type changed down) is released by the allocation repair
 * controller once the write is visible, so an aborted write never frees a value still stored. Dry
 * runs claim too (the repair loop releases such claims after its grace period).
 *
 * <p>Threads: admission runs on a worker (the store's on update, the registry's on create), where
 * each claim is one blocking Hazelcast map operation.
 */
public final class ServiceAllocation implements ObjectAdmission {
  private final ServiceAllocators allocators;

  public ServiceAllocation(ServiceAllocators allocators) {
    this.allocators = allocators;
  }

  @Override
  public void prepareUpdate(ResourceType type, KubeObject object, KubeObject old) {
    if (type == Resources.SERVICES) {
      ServiceDefaults.patchAllocatedValues((Service) object, (Service) old);
      TypeDependentFields.drop((Service) object, (Service) old);
    }
  }

  @Override
  public void admitValid(ResourceType type, KubeObject object, KubeObject old) {
    if (type != Resources.SERVICES) {
      return;
    }
    try {
      new AllocationRun(allocators, (Service) object, (Service) old).apply();
    } catch (HazelcastException e) {
      throw StatusException.unavailable(
          "the service allocators are unavailable: " + e.getMessage());
    }
  }
}
