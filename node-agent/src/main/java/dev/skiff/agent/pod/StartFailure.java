package dev.skiff.agent.pod;

import java.time.Instant;

/** The last failed attempt to start a container: the waiting reason and message to report. */
record StartFailure(String reason, String message, Instant at) {}
