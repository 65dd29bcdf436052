package dev.skiff.agent.probe;

/** The three probes of a container, with the result each reports before its first verdict. */
public enum ProbeKind {
  READINESS("Readiness", false),
  LIVENESS("Liveness", true),
  STARTUP("Startup", false);

  private final String title;
  private final boolean initial;

  ProbeKind(String title, boolean initial) {
    this.title = title;
    this.initial = initial;
  }

  /** "Readiness", as in the event message "Readiness probe failed: ...". */
  public String title() {
    return title;
  }

  public boolean initialResult() {
    return initial;
  }
}
