package dev.skiff.cli.trace;

import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import java.util.List;

/**
 * Everything a trace is drawn from: the Service, the pods of its namespace, its EndpointSlices, the
 * nodes, and (when some node agent answered) the proxies' connection counters.
 *
 * @param connections connections served, or null when no node's metrics could be read
 */
public record TraceInput(
    Service service,
    List<Pod> pods,
    List<EndpointSlice> slices,
    List<Node> nodes,
    ConnectionCounts connections) {

  public boolean hasMetrics() {
    return connections != null;
  }
}
