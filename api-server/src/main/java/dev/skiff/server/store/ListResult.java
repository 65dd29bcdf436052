package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A consistent snapshot: every object of a resource (and namespace) as of {@code resourceVersion}.
 * A watch started at that version delivers exactly the changes made after the snapshot. Items are
 * shared: never mutate them, copy first.
 */
public record ListResult(long resourceVersion, List<ObjectNode> items) {}
