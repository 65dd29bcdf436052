package dev.skiff.api.client;

import io.vertx.core.Future;

/**
 * A running watch stream. Events go to the handler given when the watch was opened, on the Vert.x
 * context that opened it, one at a time and in order.
 */
public interface Watch {

  /** Completes when the server accepted the watch (200 headers); fails like {@link #done()}. */
  Future<Void> ready();

  /**
   * Completes when the stream is over. Succeeds when the server ended it (typically after {@code
   * timeoutSeconds}) or {@link #close()} was called. Fails with a {@link
   * dev.skiff.api.status.StatusException} for an error status or an ERROR event (410 Expired/Gone
   * means: relist), with a StatusException of reason InternalError for an undecodable line, or with
   * the transport's exception when the connection broke.
   */
  Future<Void> done();

  /** Stops the stream; no event is delivered afterwards. Idempotent. */
  void close();
}
