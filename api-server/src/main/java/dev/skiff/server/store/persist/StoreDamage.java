package dev.skiff.server.store.persist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a damaged log cost, and the conclusions a reader may draw without resurrecting anything: a
 * key whose latest write is in a damaged record is dropped (its older versions are stale); a key
 * deleted by a damaged record stays deleted; and where a damaged stretch cannot be named at all,
 * every key last written before it is dropped too, since the stretch may have updated or deleted
 * it. An unnamed stretch that ends the file as one unfinished write would (see {@link
 * LogFile.Damage#torn()}) costs only that write: its writer never returned, so nothing it did was
 * acknowledged. A lost change-log sequence record, or an unnamed stretch, raises the change-log
 * sequence by {@link #SEQUENCE_MARGIN} so that no resourceVersion is handed out twice.
 *
 * @param log the damaged file
 * @param damage the damaged stretches
 * @param lost keys whose latest write was lost, or that an unnamed stretch may have changed
 * @param deleted keys whose unreadable deletion is kept (they stay deleted)
 * @param sequenceLost whether a change-log sequence may have been lost
 */
record StoreDamage(
    Path log,
    List<LogFile.Damage> damage,
    Set<String> lost,
    Set<String> deleted,
    boolean sequenceLost) {
  static final long SEQUENCE_MARGIN = 1L << 20;
  private static final int NAMED = 20;

  /** Assesses {@code damage} against the intact records in {@code index}, and applies it there. */
  static StoreDamage apply(Path log, List<LogFile.Damage> damage, LogIndex index) {
    Set<String> lost = new TreeSet<>();
    Set<String> deleted = new TreeSet<>();
    boolean sequenceLost = false;
    long unnamedAt = -1;
    for (LogFile.Damage d : damage) {
      LogRecord.Frame record = d.record();
      if (record == null) {
        if (!d.torn()) {
          unnamedAt = d.offset();
        }
        sequenceLost = true;
        continue;
      }
      LogIndex.Location latest = index.get(record.key());
      boolean superseded = latest != null && latest.offset() > d.offset();
      switch (record.type()) {
        case LogRecord.PUT -> {
          if (!superseded) {
            lost.add(record.key());
          }
        }
        case LogRecord.DELETE -> {
          if (!superseded) {
            deleted.add(record.key());
          }
        }
        default -> sequenceLost = true;
      }
    }
    if (unnamedAt >= 0) {
      for (String key : index.keys()) {
        if (index.get(key).offset() < unnamedAt && !deleted.contains(key)) {
          lost.add(key);
        }
      }
    }
    lost.forEach(index::remove);
    deleted.forEach(index::remove);
    if (sequenceLost) {
      index.raiseSequence(index.largestSequence() + SEQUENCE_MARGIN);
    }
    return new StoreDamage(log, damage, lost, deleted, sequenceLost);
  }

  boolean isEmpty() {
    return damage.isEmpty();
  }

  /** The report a user reads: where the damage is and what it cost. */
  String describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "the store log "
            + log
            + " is damaged: "
            + damage.size()
            + " unreadable record(s) or stretch(es): "
            + named(damage.stream().map(StoreDamage::where).toList()));
    if (!lost.isEmpty()) {
      lines.add(
          lost.size()
              + " object(s) lost (their latest version is unreadable, or unreadable records may have"
              + " changed or deleted them): "
              + named(lost));
    }
    if (!deleted.isEmpty()) {
      lines.add(
          deleted.size()
              + " unreadable deletion(s), the object(s) stay deleted: "
              + named(deleted));
    }
    if (sequenceLost) {
      lines.add("resourceVersions continue " + SEQUENCE_MARGIN + " higher (a sequence was lost)");
    }
    return String.join("; ", lines);
  }

  private static String where(LogFile.Damage d) {
    String what =
        d.record() == null
            ? "unidentifiable records after #"
                + d.after()
                + (d.before() < 0 ? "" : " before #" + d.before())
            : switch (d.record().type()) {
              case LogRecord.PUT ->
                  "write of " + d.record().key() + " (#" + d.record().number() + ")";
              case LogRecord.DELETE ->
                  "deletion of " + d.record().key() + " (#" + d.record().number() + ")";
              default -> "change-log sequence (#" + d.record().number() + ")";
            };
    return what + " at bytes " + d.offset() + "-" + (d.offset() + d.bytes());
  }

  private static String named(java.util.Collection<String> keys) {
    String first = keys.stream().limit(NAMED).collect(Collectors.joining(", "));
    return keys.size() > NAMED ? first + " and " + (keys.size() - NAMED) + " more" : first;
  }
}
