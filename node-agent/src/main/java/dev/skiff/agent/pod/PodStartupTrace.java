package dev.skiff.agent.pod;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each stage of a pod's first start happened on this agent ({@link System#nanoTime()}), for
 * finding where startup latency goes: the watch event, the first sync, the sandbox, the container
 * starts and the first status write reporting the pod Ready. The first mark of a stage wins; the
 * {@value #MAX_PODS} most recent pods are kept. Thread-safe (the agent marks, readers may be
 * anywhere).
 */
public final class PodStartupTrace {
  private static final int MAX_PODS = 4096;

  /** The stages of a pod start, in order. */
  public enum Stage {
    /** The pod's first watch event reached the agent's informer. */
    SEEN,
    /** A pod worker began the pod's first sync. */
    SYNC_STARTED,
    /** The runtime answered the pod's sandbox (and IP). */
    SANDBOX_READY,
    /** The runtime answered every container start of that sync. */
    CONTAINERS_STARTED,
    /** The status write reporting the pod Ready was sent. */
    READY_SENT,
    /** The api-server acknowledged that write. */
    READY_ACKED
  }

  private final Map<String, EnumMap<Stage, Long>> pods =
      new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EnumMap<Stage, Long>> eldest) {
          return size() > MAX_PODS;
        }
      };

  /** Marks {@code stage} of pod {@code uid} now, unless it was marked before. */
  public void mark(String uid, Stage stage) {
    long now = System.nanoTime();
    synchronized (pods) {
      pods.computeIfAbsent(uid, k -> new EnumMap<>(Stage.class)).putIfAbsent(stage, now);
    }
  }

  /** The stages of pod {@code uid} marked so far (a copy; empty if none). */
  public Map<Stage, Long> of(String uid) {
    synchronized (pods) {
      EnumMap<Stage, Long> stages = pods.get(uid);
      return stages == null ? new EnumMap<>(Stage.class) : new EnumMap<>(stages);
    }
  }
}
