package dev.skiff.agent.runtime.process;

import dev.skiff.agent.runtime.Cidr;
import dev.skiff.agent.runtime.RuntimeFailure;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/** Hands out pod IPs from the node's pod range: lowest free first; a pod keeps its IP. */
final class PodIpAllocator {
  private final Cidr range;
  private final BitSet used = new BitSet();
  private final Map<String, Integer> byPod = new HashMap<>();

  PodIpAllocator(Cidr range) {
    this.range = range;
  }

  /**
   * The pod's IP: its existing one, else {@code preferred} if free and in range, else the lowest.
   */
  synchronized String allocate(String podUid, String preferred) {
    Integer existing = byPod.get(podUid);
    if (existing != null) {
      return range.host(existing);
    }
    int index = preferred == null ? -1 : range.indexOf(preferred);
    if (index < 0 || used.get(index)) {
      index = used.nextClearBit(0);
    }
    if (index >= range.hostCount()) {
      throw new RuntimeFailure(
          RuntimeFailure.CREATE_POD_SANDBOX_ERROR, "no free pod IP left in " + range);
    }
    used.set(index);
    byPod.put(podUid, index);
    return range.host(index);
  }

  synchronized void release(String podUid) {
    Integer index = byPod.remove(podUid);
    if (index != null) {
      used.clear(index);
    }
  }
}
