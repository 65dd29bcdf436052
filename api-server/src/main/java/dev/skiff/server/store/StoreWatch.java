package dev.skiff.server.store;

/** A running watch. Closing it stops delivery; it is idempotent. */
public interface StoreWatch extends AutoCloseable {
  @Override
  void close();
}
