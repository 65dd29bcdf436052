package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The result of a write that may have created the object (apply patch): 201 vs 200. */
public record Written(ObjectNode object, boolean created) {}
