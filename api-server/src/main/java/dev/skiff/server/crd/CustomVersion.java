package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.resource.CustomDefinition;
import java.util.List;

/**
 * One version of a CustomResourceDefinition as the API server serves it.
 *
 * @param schema the version's {@code openAPIV3Schema}, or a missing node
 * @param scale the scale subresource, or null
 */
public record CustomVersion(
    String definitionName,
    String group,
    String version,
    String kind,
    boolean served,
    boolean storage,
    JsonNode schema,
    boolean statusSubresource,
    ScalePaths scale,
    List<PrinterColumn> columns)
    implements CustomDefinition {}
