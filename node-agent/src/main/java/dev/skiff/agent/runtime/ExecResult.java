package dev.skiff.agent.runtime;

/** Outcome of an exec: exit code (-1 when timed out) and combined output (truncated). */
public record ExecResult(int exitCode, String output, boolean timedOut) {
  public boolean succeeded() {
    return !timedOut && exitCode == 0;
  }
}
