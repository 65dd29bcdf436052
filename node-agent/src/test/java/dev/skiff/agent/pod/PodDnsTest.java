package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.runtime.DnsSettings;
import dev.skiff.agent.testing.Pods;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodDNSConfig;
import dev.skiff.api.model.core.PodDNSConfigOption;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodDnsTest {
  @Test
  void clusterFirstUsesTheClusterDnsAndSearchPath() {
    Pod pod = Pods.pod("p", "n", c -> {});
    pod.meta().namespace = "shop";

    DnsSettings dns = PodDns.of(pod, List.of("10.96.0.10"), "cluster.local");

    assertThat(dns.nameservers()).containsExactly("10.96.0.10");
    assertThat(dns.searches())
        .containsExactly("shop.svc.cluster.local", "svc.cluster.local", "cluster.local");
    assertThat(dns.options()).containsExactly("ndots:5");
  }

  @Test
  void withoutAClusterDnsOrWithPolicyDefaultThePodUsesTheHostResolver() {
    Pod pod = Pods.pod("p", "n", c -> {});
    assertThat(PodDns.of(pod, List.of(), "cluster.local").isHost()).isTrue();
    pod.spec().dnsPolicy = "Default";
    assertThat(PodDns.of(pod, List.of("10.96.0.10"), "cluster.local").isHost()).isTrue();
  }

  @Test
  void dnsConfigIsMergedAndOptionsOverrideByName() {
    Pod pod = Pods.pod("p", "n", c -> {});
    pod.spec().dnsConfig = new PodDNSConfig();
    pod.spec().dnsConfig.nameservers = List.of("1.2.3.4");
    pod.spec().dnsConfig.searches = List.of("example.org");
    PodDNSConfigOption ndots = new PodDNSConfigOption();
    ndots.name = "ndots";
    ndots.value = "2";
    PodDNSConfigOption edns = new PodDNSConfigOption();
    edns.name = "edns0";
    pod.spec().dnsConfig.options = List.of(ndots, edns);

    DnsSettings dns = PodDns.of(pod, List.of("10.96.0.10"), "cluster.local");

    assertThat(dns.nameservers()).containsExactly("10.96.0.10", "1.2.3.4");
    assertThat(dns.searches()).endsWith("example.org");
    assertThat(dns.options()).containsExactly("ndots:2", "edns0");

    pod.spec().dnsPolicy = "None";
    assertThat(PodDns.of(pod, List.of("10.96.0.10"), "cluster.local").nameservers())
        .containsExactly("1.2.3.4");
  }
}
