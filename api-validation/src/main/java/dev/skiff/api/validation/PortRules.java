package dev.skiff.api.validation;

import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.names.Names;
import java.util.List;

/** Port numbers, port names and protocols, shared by containers, Services and endpoints. */
final class PortRules {
  static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

  private PortRules() {}

  static void portNumber(Integer port, FieldPath path, ErrorList errs) {
    int p = port == null ? 0 : port;
    errs.invalidEach(path, p, Names.isValidPortNum(p));
  }

  /** ValidatePortNumOrName: 1-65535, or an IANA_SVC_NAME. */
  static void numberOrName(IntOrString port, FieldPath path, ErrorList errs) {
    if (port == null || port.isInt()) {
      portNumber(port == null ? 0 : port.intValue(), path, errs);
    } else {
      errs.invalidEach(path, port.strValue(), Names.isValidPortName(port.strValue()));
    }
  }

  /** Protocol: null means "defaulted later" (TCP) and is accepted; "" is Required. */
  static void protocol(String protocol, FieldPath path, ErrorList errs) {
    if (protocol == null) {
      return;
    }
    if (protocol.isEmpty()) {
      errs.required(path, "");
    } else if (!PROTOCOLS.contains(protocol)) {
      errs.notSupported(path, protocol, PROTOCOLS);
    }
  }

  /** An enumerated field: null (to be defaulted) accepted, "" Required, others must be listed. */
  static void oneOf(String value, List<String> supported, FieldPath path, ErrorList errs) {
    if (value == null) {
      return;
    }
    if (value.isEmpty()) {
      errs.required(path, "");
    } else if (!supported.contains(value)) {
      errs.notSupported(path, value, supported);
    }
  }

  static void nonNegative(Number value, FieldPath path, ErrorList errs) {
    if (value != null && value.longValue() < 0) {
      errs.invalid(path, value, "must be greater than or equal to 0");
    }
  }

  static void dns1123Label(String value, FieldPath path, ErrorList errs) {
    errs.invalidEach(path, value, Names.isDns1123Label(value));
  }

  static void qualifiedName(String value, FieldPath path, ErrorList errs) {
    errs.invalidEach(path, value, Names.isQualifiedName(value));
  }
}
