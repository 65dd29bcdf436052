package dev.skiff.dns.zone;

/**
 * The write port of the cluster zone: a source of cluster state (informers, a test, a benchmark)
 * feeds it objects; the zone re-synthesizes the affected records. Implementations are thread-safe.
 */
public interface ClusterRecords {
  void upsertService(ServiceEntry service);

  void deleteService(ZoneKey key);

  void upsertEndpointSlice(EndpointSliceEntry slice);

  void deleteEndpointSlice(ZoneKey key);

  void upsertPod(PodEntry pod);

  void deletePod(ZoneKey key);

  /**
   * Declares that every object of the initial listing has been fed: from the moment the records fed
   * so far are visible, the zone gives confident answers (before: SERVFAIL).
   */
  void markSynced();
}
