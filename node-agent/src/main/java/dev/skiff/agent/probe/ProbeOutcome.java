package dev.skiff.agent.probe;

/** One probe attempt: success or failure, with what to tell the user on failure. */
public record ProbeOutcome(boolean success, String message) {
  public static final ProbeOutcome SUCCESS = new ProbeOutcome(true, "");

  public static ProbeOutcome failure(String message) {
    return new ProbeOutcome(false, message);
  }
}
