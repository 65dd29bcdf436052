package dev.skiff.server.store.persist;

/**
 * The store's log on disk has damaged records: the message names what is lost (keys, record
 * numbers, byte ranges). Starting with repair keeps every readable object and drops the rest.
 */
public final class DamagedStoreException extends IllegalStateException {
  DamagedStoreException(String report) {
    super(
        report
            + ". Nothing was changed. Start with --repair to keep every readable object (the"
            + " damaged file is kept beside the new one), or restore the data directory from a"
            + " backup.");
  }
}
