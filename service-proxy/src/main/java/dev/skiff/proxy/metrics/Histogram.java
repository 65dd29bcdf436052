package dev.skiff.proxy.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram of seconds with fixed upper bounds; lock-free observations. */
public final class Histogram {
  private final double[] bounds;
  private final LongAdder[] counts;
  private final LongAdder total = new LongAdder();
  private final DoubleAdder sum = new DoubleAdder();

  public Histogram(double... bounds) {
    this.bounds = bounds.clone();
    this.counts = new LongAdder[bounds.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  public void observe(double seconds) {
    for (int i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]) {
        counts[i].increment();
        break;
      }
    }
    total.increment();
    sum.add(seconds);
  }

  public long count() {
    return total.sum();
  }

  public void write(PrometheusWriter out, String name, String help) {
    out.family(name, "histogram", help);
    long cumulative = 0;
    for (int i = 0; i < bounds.length; i++) {
      cumulative += counts[i].sum();
      out.sample(name + "_bucket", cumulative, "le", PrometheusWriter.format(bounds[i]));
    }
    out.sample(name + "_bucket", total.sum(), "le", "+Inf");
    out.sample(name + "_sum", sum.sum());
    out.sample(name + "_count", total.sum());
  }
}
