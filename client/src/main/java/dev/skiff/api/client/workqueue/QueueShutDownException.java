package dev.skiff.api.client.workqueue;

/** {@link WorkQueue#get()} after {@link WorkQueue#shutDown()} once nothing is left. */
public final class QueueShutDownException extends RuntimeException {
  public QueueShutDownException(String queue) {
    super("work queue " + queue + " is shut down", null, false, false);
  }
}
