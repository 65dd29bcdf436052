package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One committed change, in global resourceVersion order.
 *
 * @param type ADDED, MODIFIED or DELETED
 * @param resourceVersion the version the change committed at (for DELETED: the deletion's version)
 * @param key the object's key
 * @param object the object after the change (for DELETED: its last state, carrying the deletion
 *     version as metadata.resourceVersion). Shared: never mutate it, copy first.
 */
public record StoreEvent(String type, long resourceVersion, ObjectKey key, ObjectNode object) {}
