package dev.skiff.agent.pod;

import dev.skiff.agent.runtime.DnsSettings;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodDNSConfig;
import dev.skiff.api.model.core.PodDNSConfigOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pod's resolver configuration by dnsPolicy, as the kubelet builds it: ClusterFirst gives the
 * cluster DNS server, the search path {@code <ns>.svc.<domain> svc.<domain> <domain>} and {@code
 * ndots:5} (without a cluster DNS it falls back to the host's); Default is the host's; None only
 * dnsConfig. dnsConfig's nameservers and searches are appended, its options override by name.
 */
public final class PodDns {
  private PodDns() {}

  public static DnsSettings of(Pod pod, List<String> clusterDns, String domain) {
    String policy = pod.spec().dnsPolicy == null ? "ClusterFirst" : pod.spec().dnsPolicy;
    List<String> servers = new ArrayList<>();
    List<String> searches = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    boolean clusterFirst =
        (policy.equals("ClusterFirst") || policy.equals("ClusterFirstWithHostNet"))
            && !clusterDns.isEmpty();
    if (clusterFirst) {
      servers.addAll(clusterDns);
      String ns = pod.meta().namespace;
      searches.addAll(List.of(ns + ".svc." + domain, "svc." + domain, domain));
      options.put("ndots", "5");
    } else if (!policy.equals("None") && pod.spec().dnsConfig == null) {
      return DnsSettings.HOST;
    }
    PodDNSConfig config = pod.spec().dnsConfig;
    if (config != null) {
      if (config.nameservers != null) {
        servers.addAll(config.nameservers);
      }
      if (config.searches != null) {
        searches.addAll(config.searches);
      }
      if (config.options != null) {
        for (PodDNSConfigOption o : config.options) {
          options.put(o.name, o.value);
        }
      }
    }
    List<String> rendered = new ArrayList<>();
    options.forEach((k, v) -> rendered.add(v == null ? k : k + ":" + v));
    return new DnsSettings(servers, searches, rendered);
  }
}
