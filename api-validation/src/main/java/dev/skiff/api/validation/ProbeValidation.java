package dev.skiff.api.validation;

import dev.skiff.api.model.core.Probe;
import java.util.List;

/** validateProbe / validateHandler: exactly one handler, non-negative timings. */
final class ProbeValidation {
  private static final List<String> SCHEMES = List.of("HTTP", "HTTPS");

  private ProbeValidation() {}

  static void validate(Probe probe, FieldPath path, ErrorList errs) {
    if (probe == null) {
      return;
    }
    handler(probe, path, errs);
    PortRules.nonNegative(probe.initialDelaySeconds, path.child("initialDelaySeconds"), errs);
    PortRules.nonNegative(probe.timeoutSeconds, path.child("timeoutSeconds"), errs);
    PortRules.nonNegative(probe.periodSeconds, path.child("periodSeconds"), errs);
    PortRules.nonNegative(probe.successThreshold, path.child("successThreshold"), errs);
    PortRules.nonNegative(probe.failureThreshold, path.child("failureThreshold"), errs);
    if (probe.terminationGracePeriodSeconds != null && probe.terminationGracePeriodSeconds <= 0) {
      errs.invalid(
          path.child("terminationGracePeriodSeconds"),
          probe.terminationGracePeriodSeconds,
          "must be greater than 0");
    }
  }

  /** Liveness and startup probes must have successThreshold 1. */
  static void successThresholdIsOne(Probe probe, FieldPath path, ErrorList errs) {
    if (probe != null && probe.successThreshold != null && probe.successThreshold != 1) {
      errs.invalid(path.child("successThreshold"), probe.successThreshold, "must be 1");
    }
  }

  private static void handler(Probe p, FieldPath path, ErrorList errs) {
    int handlers = 0;
    if (p.exec != null) {
      handlers = count(handlers, path.child("exec"), errs);
      if (p.exec.command == null || p.exec.command.isEmpty()) {
        errs.required(path.child("exec", "command"), "");
      }
    }
    if (p.httpGet != null) {
      handlers = count(handlers, path.child("httpGet"), errs);
      FieldPath h = path.child("httpGet");
      if (p.httpGet.path != null && p.httpGet.path.isEmpty()) {
        errs.required(h.child("path"), "");
      }
      PortRules.numberOrName(p.httpGet.port, h.child("port"), errs);
      PortRules.oneOf(p.httpGet.scheme, SCHEMES, h.child("scheme"), errs);
    }
    if (p.tcpSocket != null) {
      handlers = count(handlers, path.child("tcpSocket"), errs);
      PortRules.numberOrName(p.tcpSocket.port, path.child("tcpSocket", "port"), errs);
    }
    if (p.grpc != null) {
      handlers = count(handlers, path.child("grpc"), errs);
      PortRules.portNumber(p.grpc.port, path.child("grpc", "port"), errs);
    }
    if (handlers == 0) {
      errs.required(path, "must specify a handler type");
    }
  }

  private static int count(int handlers, FieldPath path, ErrorList errs) {
    if (handlers > 0) {
      errs.forbidden(path, "may not specify more than 1 handler type");
    }
    return handlers + 1;
  }
}
