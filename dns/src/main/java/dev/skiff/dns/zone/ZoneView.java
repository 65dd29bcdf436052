package dev.skiff.dns.zone;

/** The read port of the cluster zone, used by the query handlers. Lock-free. */
public interface ZoneView {
  /** The current immutable index. */
  ZoneIndex index();

  /** Whether the source has synced; until then no negative answer may be given. */
  boolean synced();
}
