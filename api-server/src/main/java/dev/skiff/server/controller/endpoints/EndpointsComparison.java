package dev.skiff.server.controller.endpoints;

import dev.skiff.api.model.core.EndpointSubset;
import dev.skiff.server.controller.support.SameJson;
import java.util.List;

/** Semantic equality of Endpoints subsets (as JSON, so unknown fields count too). */
final class EndpointsComparison {
  private EndpointsComparison() {}

  static boolean sameSubsets(List<EndpointSubset> a, List<EndpointSubset> b) {
    boolean aEmpty = a == null || a.isEmpty();
    boolean bEmpty = b == null || b.isEmpty();
    if (aEmpty || bEmpty) {
      return aEmpty == bEmpty;
    }
    return SameJson.same(a, b);
  }
}
