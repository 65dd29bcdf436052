package dev.skiff.agent.probe;

/**
 * The kubelet's threshold rule: a result is reported only after {@code successThreshold} (or {@code
 * failureThreshold}) consecutive identical outcomes; until then the previous verdict stands.
 */
public final class ProbeCounter {
  private final int successThreshold;
  private final int failureThreshold;
  private boolean verdict;
  private Boolean last;
  private int run;

  public ProbeCounter(ProbeTiming timing, boolean initial) {
    this.successThreshold = timing.successThreshold();
    this.failureThreshold = timing.failureThreshold();
    this.verdict = initial;
  }

  /** Records an outcome; answers the (possibly unchanged) verdict. */
  public boolean record(boolean success) {
    if (last != null && last == success) {
      run++;
    } else {
      last = success;
      run = 1;
    }
    int threshold = success ? successThreshold : failureThreshold;
    if (run >= threshold) {
      verdict = success;
    }
    return verdict;
  }

  /** True when the latest outcomes are {@code failureThreshold} consecutive failures. */
  public boolean failureThresholdReached() {
    return last != null && !last && run >= failureThreshold;
  }

  public boolean verdict() {
    return verdict;
  }
}
