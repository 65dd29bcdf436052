package dev.skiff.dns.handler;

import io.vertx.core.Future;

/**
 * One link of the handler chain (as a CoreDNS plugin): answers a query itself or hands it to the
 * next handler. Called on an event loop: implementations never block.
 */
@FunctionalInterface
public interface DnsHandler {
  Future<Reply> handle(DnsQuery query);
}
