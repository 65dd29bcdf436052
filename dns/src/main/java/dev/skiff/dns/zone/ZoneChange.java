package dev.skiff.dns.zone;

/** The records of one Service before and after a change; either may be null (created, deleted). */
record ZoneChange(
    String namespace, String service, ServiceFragment before, ServiceFragment after) {}
