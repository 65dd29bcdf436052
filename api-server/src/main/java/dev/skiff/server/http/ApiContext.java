package dev.skiff.server.http;

import dev.skiff.server.registry.ObjectRegistry;
import dev.skiff.server.stream.NodeAccess;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.time.Clock;

/**
 * What the resource handlers share.
 *
 * @param bookmarkIntervalMillis how often a watch that allows bookmarks gets one
 * @param nodeClient HTTP client for proxying to node agents (pod logs, exec, port-forward)
 * @param nodeAccess the credential node agents accept, or null (plain HTTP, no credential)
 * @param watches the open watches, for {@code /metrics}
 */
public record ApiContext(
    Vertx vertx,
    ObjectRegistry registry,
    Clock clock,
    long bookmarkIntervalMillis,
    HttpClient nodeClient,
    NodeAccess nodeAccess,
    WatchCounts watches) {}
