package dev.skiff.dns.server;

/** How a query arrived; decides the response size limit. */
public enum DnsTransport {
  UDP,
  TCP
}
