package dev.skiff.proxy.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A set of metric collectors rendered together in the Prometheus text exposition format (version
 * 0.0.4), for a {@code /metrics} endpoint.
 */
public final class MetricsRegistry {
  /** The Content-Type of {@link #render()}. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final List<Collector> collectors = new CopyOnWriteArrayList<>();

  /** Something that writes one or more metric families. */
  @FunctionalInterface
  public interface Collector {
    void collect(PrometheusWriter out);
  }

  public MetricsRegistry register(Collector collector) {
    collectors.add(collector);
    return this;
  }

  public String render() {
    PrometheusWriter out = new PrometheusWriter();
    for (Collector c : collectors) {
      c.collect(out);
    }
    return out.toString();
  }
}
