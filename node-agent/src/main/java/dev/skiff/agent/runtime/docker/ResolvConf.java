package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.runtime.DnsSettings;

/** Renders resolv.conf(5) from a pod's DNS settings. Pure. */
final class ResolvConf {
  private ResolvConf() {}

  static String render(DnsSettings dns) {
    StringBuilder out = new StringBuilder();
    dns.nameservers().forEach(s -> out.append("nameserver ").append(s).append('\n'));
    if (!dns.searches().isEmpty()) {
      out.append("search ").append(String.join(" ", dns.searches())).append('\n');
    }
    if (!dns.options().isEmpty()) {
      out.append("options ").append(String.join(" ", dns.options())).append('\n');
    }
    return out.toString();
  }
}
