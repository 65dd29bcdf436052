package dev.skiff.dns.zone;

import java.util.List;

/** An immutable snapshot of the cluster state DNS serves. */
public record ClusterSnapshot(
    List<ServiceEntry> services, List<EndpointSliceEntry> slices, List<PodEntry> pods) {

  public ClusterSnapshot {
    services = List.copyOf(services);
    slices = List.copyOf(slices);
    pods = List.copyOf(pods);
  }

  public static ClusterSnapshot of(List<ServiceEntry> services, List<EndpointSliceEntry> slices) {
    return new ClusterSnapshot(services, slices, List.of());
  }
}
