package dev.skiff.api.names;

/**
 * Textual IP address checks as done by k8s.io/utils/net ParseIPSloppy (Go's pre-1.17 net.ParseIP):
 * dotted-quad IPv4 (leading zeros allowed), or IPv6 with at most one "::" and an optional trailing
 * IPv4 part. No zones, no brackets, and never a DNS lookup.
 */
public final class IpLiterals {
  private IpLiterals() {}

  public static boolean isIp(String s) {
    return s.indexOf(':') >= 0 ? isIpv6(s) : isIpv4(s);
  }

  public static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || !allDigits(p)) {
        return false;
      }
      int from = 0;
      while (from < p.length() - 1 && p.charAt(from) == '0') {
        from++;
      }
      if (p.length() - from > 3 || Integer.parseInt(p, from, p.length(), 10) > 255) {
        return false;
      }
    }
    return true;
  }

  public static boolean isIpv6(String s) {
    int ellipsis = s.indexOf("::");
    if (ellipsis >= 0 && s.indexOf("::", ellipsis + 1) >= 0) {
      return false;
    }
    int groups;
    if (ellipsis >= 0) {
      int head = countGroups(s.substring(0, ellipsis), false);
      int tail = countGroups(s.substring(ellipsis + 2), true);
      if (head < 0 || tail < 0) {
        return false;
      }
      groups = head + tail;
      return groups <= 7;
    }
    groups = countGroups(s, true);
    return groups == 8;
  }

  /** Number of 16-bit groups in a colon-separated run ("" = 0), or -1 when malformed. */
  private static int countGroups(String run, boolean ipv4AllowedAtEnd) {
    if (run.isEmpty()) {
      return 0;
    }
    String[] parts = run.split(":", -1);
    int groups = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      boolean last = i == parts.length - 1;
      if (last && ipv4AllowedAtEnd && p.indexOf('.') >= 0) {
        if (!isIpv4(p)) {
          return -1;
        }
        groups += 2;
      } else if (p.isEmpty() || p.length() > 4 || !allHex(p)) {
        return -1;
      } else {
        groups++;
      }
    }
    return groups;
  }

  private static boolean allDigits(String p) {
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean allHex(String p) {
    return p.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
  }
}
