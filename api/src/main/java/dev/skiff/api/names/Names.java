package dev.skiff.api.names;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The name validators of apimachinery {@code pkg/util/validation} (as of Kubernetes v1.32), with
 * the exact error strings of the real server. Each returns the list of problems; empty means valid.
 * Callers build field errors ("metadata.name: Invalid value: ...") from these strings.
 */
public final class Names {
  public static final int DNS1123_LABEL_MAX_LENGTH = 63;
  public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
  public static final int DNS1035_LABEL_MAX_LENGTH = 63;
  public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
  public static final int LABEL_VALUE_MAX_LENGTH = 63;

  private static final String QNAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String QNAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String LABEL_VALUE_FMT = "(" + QNAME_FMT + ")?";
  private static final String LABEL_VALUE_MSG =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_LABEL_MSG =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final String DNS1123_SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1035_LABEL_MSG =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character";

  private static final String CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
  private static final Pattern CONFIG_MAP_KEY = Pattern.compile(CONFIG_MAP_KEY_FMT);
  private static final Pattern QNAME = Pattern.compile(QNAME_FMT);
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
  private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
  private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);
  private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
  private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*", Pattern.DOTALL);

  private Names() {}

  /** A DNS (RFC 1123) label: pod-less names such as namespaces and container names. */
  public static List<String> isDns1123Label(String value) {
    return lengthAndPattern(
        value,
        DNS1123_LABEL_MAX_LENGTH,
        DNS1123_LABEL,
        () -> regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
  }

  /** A DNS (RFC 1123) subdomain: most object names (pods, deployments, ...). */
  public static List<String> isDns1123Subdomain(String value) {
    return lengthAndPattern(
        value,
        DNS1123_SUBDOMAIN_MAX_LENGTH,
        DNS1123_SUBDOMAIN,
        () -> regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
  }

  /** A DNS (RFC 1035) label: service names. */
  public static List<String> isDns1035Label(String value) {
    return lengthAndPattern(
        value,
        DNS1035_LABEL_MAX_LENGTH,
        DNS1035_LABEL,
        () -> regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
  }

  /** A label or annotation key: {@code [prefix/]name}, prefix a DNS subdomain, name max 63. */
  public static List<String> isQualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        errs.add("prefix part " + emptyError());
      } else {
        isDns1123Subdomain(prefix).forEach(m -> errs.add("prefix part " + m));
      }
    } else {
      errs.add(
          "a qualified name "
              + regexError(QNAME_MSG, QNAME_FMT, "MyName", "my.name", "123-abc")
              + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    if (name.isEmpty()) {
      errs.add("name part " + emptyError());
    } else if (name.getBytes(StandardCharsets.UTF_8).length > QUALIFIED_NAME_MAX_LENGTH) {
      errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
    }
    if (!QNAME.matcher(name).matches()) {
      errs.add("name part " + regexError(QNAME_MSG, QNAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /**
   * A label value: empty, or up to 63 alphanumerics, '-', '_', '.' starting/ending alphanumeric.
   */
  public static List<String> isValidLabelValue(String value) {
    return lengthAndPattern(
        value,
        LABEL_VALUE_MAX_LENGTH,
        LABEL_VALUE,
        () -> regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
  }

  /** An IANA_SVC_NAME (RFC 6335) port name, lower case only. */
  public static List<String> isValidPortName(String port) {
    List<String> errs = new ArrayList<>();
    if (port.getBytes(StandardCharsets.UTF_8).length > 15) {
      errs.add(maxLenError(15));
    }
    if (!PORT_NAME_CHARSET.matcher(port).matches()) {
      errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!HAS_LETTER.matcher(port).matches()) {
      errs.add("must contain at least one letter (a-z)");
    }
    if (port.contains("--")) {
      errs.add("must not contain consecutive hyphens");
    }
    if (!port.isEmpty() && (port.charAt(0) == '-' || port.charAt(port.length() - 1) == '-')) {
      errs.add("must not begin or end with a hyphen");
    }
    return errs;
  }

  /** A non-zero TCP/UDP port number. */
  public static List<String> isValidPortNum(int port) {
    return 1 <= port && port <= 65535 ? List.of() : List.of(inclusiveRangeError(1, 65535));
  }

  /** An IPv4 or IPv6 address literal, parsed like Go's net.ParseIP (no DNS lookup, no zone). */
  public static List<String> isValidIp(String value) {
    return IpLiterals.isIp(value)
        ? List.of()
        : List.of("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
  }

  /**
   * IsConfigMapKey: a key of ConfigMap or Secret data (and a file name in their volumes): at most
   * 253 characters of {@code [-._a-zA-Z0-9]}, and not {@code .}, {@code ..} or {@code ..*}.
   */
  public static List<String> isConfigMapKey(String value) {
    List<String> errs =
        lengthAndPattern(
            value,
            DNS1123_SUBDOMAIN_MAX_LENGTH,
            CONFIG_MAP_KEY,
            () ->
                regexError(
                    "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                    CONFIG_MAP_KEY_FMT,
                    "key.name",
                    "KEY_NAME",
                    "key-name"));
    if (value.equals(".")) {
      errs.add("must not be '.'");
    } else if (value.equals("..")) {
      errs.add("must not be '..'");
    } else if (value.startsWith("..")) {
      errs.add("must not start with '..'");
    }
    return errs;
  }

  public static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  public static String emptyError() {
    return "must be non-empty";
  }

  public static String inclusiveRangeError(int lo, int hi) {
    return "must be between " + lo + " and " + hi + ", inclusive";
  }

  /** apimachinery RegexError: {@code msg (e.g. 'a' or 'b', regex used for validation is 'f')}. */
  public static String regexError(String msg, String fmt, String... examples) {
    if (examples.length == 0) {
      return msg + " (regex used for validation is '" + fmt + "')";
    }
    StringBuilder sb = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        sb.append(" or ");
      }
      sb.append('\'').append(examples[i]).append("', ");
    }
    return sb.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  private static List<String> lengthAndPattern(
      String value, int max, Pattern pattern, Supplier<String> regexError) {
    List<String> errs = new ArrayList<>(2);
    if (value.getBytes(StandardCharsets.UTF_8).length > max) {
      errs.add(maxLenError(max));
    }
    if (!pattern.matcher(value).matches()) {
      errs.add(regexError.get());
    }
    return errs;
  }
}
