package dev.skiff.server.crd;

import dev.skiff.api.client.PatchType;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.registry.Patcher;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Custom resources take every patch type but the strategic merge patch, which needs the Go types
 * Kubernetes has only for its built-in kinds: such a patch is a 415 naming the accepted types.
 */
public final class CustomPatches {
  private static final List<PatchType> ACCEPTED =
      List.of(PatchType.JSON, PatchType.MERGE, PatchType.APPLY);

  private CustomPatches() {}

  /** {@code patcher}, refusing strategic merge patches of custom resources. */
  public static Patcher refusingStrategic(Patcher patcher) {
    return (live, body, contentType, type) -> {
      if (type.isCustom() && PatchType.ofContentType(contentType) == PatchType.STRATEGIC) {
        throw StatusException.unsupportedMediaType(
            "the body of the request was in an unknown format - accepted media types include: "
                + ACCEPTED.stream().map(PatchType::contentType).collect(Collectors.joining(", ")));
      }
      return patcher.apply(live, body, contentType, type);
    };
  }
}
