package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/**
 * What a watcher wants.
 *
 * @param resource qualified plural resource
 * @param namespace a namespace, or null for all namespaces
 * @param resourceVersion 0 = send the current state as synthetic ADDED events first, then changes;
 *     N &gt; 0 = only changes committed after N (410 Expired when N is older than the retained
 *     history)
 * @param filter which objects the watcher sees (label/field selectors); null = all
 */
public record WatchRequest(
    String resource, String namespace, long resourceVersion, Predicate<ObjectNode> filter) {}
