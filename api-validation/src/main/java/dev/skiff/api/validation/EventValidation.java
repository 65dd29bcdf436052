package dev.skiff.api.validation;

import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.ObjectReference;

/** ValidateEventCreate (core/v1, legacy rules): involved object namespace and series fields. */
public final class EventValidation {
  static final int REASON_LIMIT = 128;
  static final int ACTION_LIMIT = 128;
  static final int INSTANCE_LIMIT = 128;
  static final int NOTE_LIMIT = 1024;

  private EventValidation() {}

  public static void validate(Event ev, ErrorList errs) {
    ObjectMetaValidation.validate(
        ev.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    String ns = ev.metadata == null || ev.metadata.namespace == null ? "" : ev.metadata.namespace;
    ObjectReference io = ev.involvedObject == null ? new ObjectReference() : ev.involvedObject;
    String ioNs = io.namespace == null ? "" : io.namespace;
    FieldPath ioPath = FieldPath.root("involvedObject", "namespace");
    if (ev.eventTime == null || ev.eventTime.isEmpty()) {
      boolean ok = ioNs.isEmpty() ? ns.isEmpty() || ns.equals("default") : ns.equals(ioNs);
      if (!ok) {
        errs.invalid(ioPath, ioNs, "does not match event.namespace");
      }
      return;
    }
    if (ioNs.isEmpty() && !ns.equals("default") && !ns.equals("kube-system")) {
      errs.invalid(ioPath, ioNs, "does not match event.namespace");
    }
    required(ev.reportingComponent, "reportingComponent", Integer.MAX_VALUE, errs);
    if (ev.reportingComponent != null && !ev.reportingComponent.isEmpty()) {
      PortRules.qualifiedName(ev.reportingComponent, FieldPath.root("reportingComponent"), errs);
    }
    required(ev.reportingInstance, "reportingInstance", INSTANCE_LIMIT, errs);
    required(ev.action, "action", ACTION_LIMIT, errs);
    required(ev.reason, "reason", REASON_LIMIT, errs);
    if (ev.message != null && ev.message.length() > NOTE_LIMIT) {
      errs.invalid(FieldPath.root("message"), "", "can have at most " + NOTE_LIMIT + " characters");
    }
  }

  private static void required(String value, String field, int limit, ErrorList errs) {
    if (value == null || value.isEmpty()) {
      errs.required(FieldPath.root(field), "");
    } else if (value.length() > limit) {
      errs.invalid(FieldPath.root(field), "", "can have at most " + limit + " characters");
    }
  }
}
