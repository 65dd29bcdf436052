package dev.skiff.agent.runtime;

import java.time.Instant;

/**
 * A runtime's view of one container instance. Immutable: a state change yields a new record.
 *
 * @param id runtime-unique id (without the {@code docker://} scheme)
 * @param attempt the restart count this instance was started with
 * @param exitCode set once exited
 * @param reason for an exited container: Completed, Error, ...
 */
public record ContainerInfo(
    String id,
    String podUid,
    String name,
    int attempt,
    String image,
    String imageId,
    State state,
    Instant startedAt,
    Instant finishedAt,
    Integer exitCode,
    String reason,
    String message) {

  /** Lifecycle of an instance: it is never restarted; a restart is a new instance. */
  public enum State {
    CREATED,
    RUNNING,
    EXITED
  }

  public boolean running() {
    return state == State.RUNNING;
  }

  public boolean exited() {
    return state == State.EXITED;
  }

  public ContainerInfo exited(Instant at, int code, String why, String text) {
    return new ContainerInfo(
        id, podUid, name, attempt, image, imageId, State.EXITED, startedAt, at, code, why, text);
  }

  /** Completed for exit code 0, Error otherwise (as the CRI reports them). */
  public static String exitReason(int code) {
    return code == 0 ? "Completed" : "Error";
  }
}
