package dev.skiff.dns;

import dev.skiff.dns.zone.PodMode;
import dev.skiff.dns.zone.ZoneOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Options of a cluster DNS server.
 *
 * @param bindAddress the address to listen on (UDP and TCP)
 * @param port the port; 53 needs privileges, {@link #HIGH_PORT} is the documented fallback, 0 picks
 *     a free port
 * @param zone the cluster domain
 * @param ttl TTL in seconds of cluster records and of negative answers
 * @param pods how pod records are answered
 * @param upstreams where other names are forwarded; null means the name servers of /etc/resolv.conf
 * @param forwardTimeout how long to wait for one upstream before trying the next
 * @param udpSockets how many UDP sockets (event loops) share the port with SO_REUSEPORT (native
 *     transport only; otherwise one)
 */
public record DnsServerOptions(
    String bindAddress,
    int port,
    String zone,
    long ttl,
    PodMode pods,
    List<InetSocketAddress> upstreams,
    Duration forwardTimeout,
    int udpSockets) {
  public static final int DNS_PORT = 53;
  public static final int HIGH_PORT = 10053;
  public static final Duration DEFAULT_FORWARD_TIMEOUT = Duration.ofSeconds(2);

  public DnsServerOptions {
    upstreams = upstreams == null ? null : List.copyOf(upstreams);
    forwardTimeout = forwardTimeout == null ? DEFAULT_FORWARD_TIMEOUT : forwardTimeout;
    udpSockets = Math.max(1, udpSockets);
    pods = pods == null ? PodMode.INSECURE : pods;
  }

  /** Defaults: 127.0.0.1:53, cluster.local, TTL 5 s, upstreams from resolv.conf. */
  public static DnsServerOptions defaults() {
    return new DnsServerOptions(
        "127.0.0.1",
        DNS_PORT,
        ZoneOptions.DEFAULT_ZONE,
        ZoneOptions.DEFAULT_TTL,
        PodMode.INSECURE,
        null,
        DEFAULT_FORWARD_TIMEOUT,
        Runtime.getRuntime().availableProcessors());
  }

  public DnsServerOptions withBind(String address, int newPort) {
    return new DnsServerOptions(
        address, newPort, zone, ttl, pods, upstreams, forwardTimeout, udpSockets);
  }

  public DnsServerOptions withZone(String newZone, long newTtl) {
    return new DnsServerOptions(
        bindAddress, port, newZone, newTtl, pods, upstreams, forwardTimeout, udpSockets);
  }

  public DnsServerOptions withUpstreams(List<InetSocketAddress> list, Duration timeout) {
    return new DnsServerOptions(bindAddress, port, zone, ttl, pods, list, timeout, udpSockets);
  }

  public DnsServerOptions withUdpSockets(int count) {
    return new DnsServerOptions(
        bindAddress, port, zone, ttl, pods, upstreams, forwardTimeout, count);
  }

  public ZoneOptions zoneOptions() {
    return ZoneOptions.of(zone, ttl).withPods(pods);
  }
}
