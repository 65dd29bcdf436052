package dev.skiff.cli.trace;

import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.cli.output.Colors;
import java.util.List;
import java.util.Map;

/** The end of a trace: why the Service has no endpoints, and which pods miss out and why. */
final class Explanations {
  private Explanations() {}

  static void write(StringBuilder out, TraceInput in, Colors colors) {
    Map<String, String> selector = in.service().spec().selector;
    String ns = in.service().meta().namespace;
    out.append('\n');
    if (selector == null || selector.isEmpty()) {
      out.append("The service has no selector: Skiff picks no pods for it; its endpoints are the")
          .append(" EndpointSlices written by hand");
      out.append(in.slices().isEmpty() ? " (there are none).\n" : ".\n");
      return;
    }
    List<Pod> selected = SelectorExplainer.selected(selector, in.pods());
    List<Pod> ready = selected.stream().filter(PodReadiness::isReady).toList();
    if (!hasEndpoints(in)) {
      String why;
      if (selected.isEmpty()) {
        why =
            "no pod in "
                + ns
                + " has all the selector's labels ("
                + TraceRenderer.selector(selector)
                + ")";
      } else if (ready.isEmpty()) {
        why = selected.size() + " pod(s) selected, none Ready";
      } else {
        why =
            ready.size()
                + " pod(s) selected and Ready, but no EndpointSlice lists them yet"
                + " (is the endpoints controller running?)";
      }
      out.append(colors.red("No endpoints: " + why + ".")).append('\n');
    }
    List<String> lines = SelectorExplainer.explain(selector, in.pods());
    if (lines.isEmpty()) {
      if (hasEndpoints(in)) {
        out.append("Every pod with the selector's labels is Ready.\n");
      }
      return;
    }
    out.append(colors.bold("Pods that look related:")).append('\n');
    lines.forEach(l -> out.append("  ").append(l).append('\n'));
  }

  private static boolean hasEndpoints(TraceInput in) {
    List<ServicePort> ports = in.service().spec().ports;
    if (ports == null) {
      return false;
    }
    return ports.stream().anyMatch(p -> !EndpointRow.of(p, in.slices()).isEmpty());
  }
}
