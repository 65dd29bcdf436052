package dev.skiff.dns.zone;

import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Options of the cluster zone.
 *
 * @param zone the cluster domain, absolute and lower case (default cluster.local.)
 * @param ttl TTL in seconds of every synthesized record, also the negative-caching TTL
 * @param pods how pod records are answered
 */
public record ZoneOptions(Name zone, long ttl, PodMode pods) {
  public static final String DEFAULT_ZONE = "cluster.local";
  public static final long DEFAULT_TTL = 5;

  public ZoneOptions {
    Objects.requireNonNull(zone, "zone");
    if (!zone.isAbsolute()) {
      throw new IllegalArgumentException("zone must be absolute: " + zone);
    }
    zone = zone.canonicalize();
    if (ttl < 0 || ttl > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("ttl out of range: " + ttl);
    }
    pods = pods == null ? PodMode.INSECURE : pods;
  }

  public static ZoneOptions defaults() {
    return of(DEFAULT_ZONE, DEFAULT_TTL);
  }

  /** Options for a zone given as text ("cluster.local" or "cluster.local."). */
  public static ZoneOptions of(String zone, long ttl) {
    return new ZoneOptions(absolute(zone), ttl, PodMode.INSECURE);
  }

  public ZoneOptions withPods(PodMode mode) {
    return new ZoneOptions(zone, ttl, mode);
  }

  static Name absolute(String text) {
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a domain name: " + text, e);
    }
  }
}
