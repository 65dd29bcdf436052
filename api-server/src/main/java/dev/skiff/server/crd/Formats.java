package dev.skiff.server.crd;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The string formats kube-apiserver checks in custom resources (the others are accepted as any
 * string, as Kubernetes does with formats it does not know).
 */
final class Formats {
  private static final Pattern UUID =
      Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
  private static final Pattern HOSTNAME =
      Pattern.compile(
          "^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");
  private static final Pattern IPV4 =
      Pattern.compile(
          "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
  private static final Pattern MAC = Pattern.compile("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$");
  private static final Pattern DURATION =
      Pattern.compile("^[-+]?(\\d+(\\.\\d*)?(ns|us|µs|ms|s|m|h|d|w))+$");

  private Formats() {}

  static boolean valid(String format, String s) {
    return switch (format) {
      case "uuid" -> UUID.matcher(s).matches();
      case "email" -> EMAIL.matcher(s).matches();
      case "hostname" -> s.length() <= 255 && HOSTNAME.matcher(s).matches();
      case "ipv4" -> IPV4.matcher(s).matches();
      case "ipv6" -> s.contains(":") && ipv6(s);
      case "cidr" -> cidr(s);
      case "mac" -> MAC.matcher(s).matches();
      case "date" -> date(s);
      case "date-time" -> dateTime(s);
      case "duration" -> DURATION.matcher(s).matches();
      case "byte" -> base64(s);
      default -> true;
    };
  }

  private static boolean ipv6(String s) {
    try {
      // a literal only: getByName resolves nothing once the text is hex digits, colons and dots
      return s.matches("^[0-9A-Fa-f:.]+$")
          && java.net.InetAddress.getByName(s) instanceof java.net.Inet6Address;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static boolean cidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String ip = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    if (!bits.matches("\\d{1,3}")) {
      return false;
    }
    int n = Integer.parseInt(bits);
    return IPV4.matcher(ip).matches() ? n <= 32 : ipv6(ip) && n <= 128;
  }

  private static boolean date(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean dateTime(String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean base64(String s) {
    try {
      Base64.getDecoder().decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
