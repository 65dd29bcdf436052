package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a describer renders: the object, its events, and related objects that the kind needs (the
 * Service's EndpointSlices, the Deployment's ReplicaSets, the Node's pods and Lease), at a given
 * time and in a time zone.
 *
 * @param events null to leave the Events section out
 */
public record DescribeInput(
    JsonNode object, List<JsonNode> events, List<JsonNode> related, Instant now, ZoneId zone) {

  DescribeText text() {
    return new DescribeText(zone);
  }

  JsonNode meta() {
    return object.path("metadata");
  }

  JsonNode spec() {
    return object.path("spec");
  }

  JsonNode status() {
    return object.path("status");
  }
}
