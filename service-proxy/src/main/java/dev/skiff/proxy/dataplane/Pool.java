package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.model.BackendEndpoint;
import dev.skiff.proxy.model.SessionAffinity;
import java.util.List;

/** The desired backends of one {@link PoolKey}; empty means connections are refused. */
public record Pool(PoolKey key, List<BackendEndpoint> targets, SessionAffinity affinity) {
  public Pool {
    targets = List.copyOf(targets);
  }
}
