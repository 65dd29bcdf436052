package dev.skiff.proxy.dataplane;

import java.util.Map;
import java.util.Set;

/** The outcome of one sync: the listeners now serving and those that failed to bind. */
public record SyncResult(Set<ListenerKey> listening, Map<ListenerKey, Throwable> bindFailures) {
  public SyncResult {
    listening = Set.copyOf(listening);
    bindFailures = Map.copyOf(bindFailures);
  }
}
