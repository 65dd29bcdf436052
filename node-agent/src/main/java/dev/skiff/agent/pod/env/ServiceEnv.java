package dev.skiff.agent.pod.env;

import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Docker-link style service variables the kubelet gives every container (pkg/kubelet/envvars):
 * {@code WEB_SERVICE_HOST}, {@code WEB_SERVICE_PORT}, {@code WEB_SERVICE_PORT_HTTP}, {@code
 * WEB_PORT=tcp://ip:port}, {@code WEB_PORT_80_TCP...}. Services without a ClusterIP (headless,
 * ExternalName) contribute nothing.
 */
public final class ServiceEnv {
  private ServiceEnv() {}

  public static Map<String, String> of(List<Service> services) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Service s : services) {
      if (s.spec == null
          || !isIpSet(s.spec.clusterIP)
          || s.spec.ports == null
          || s.spec.ports.isEmpty()) {
        continue;
      }
      String ip = s.spec.clusterIP;
      String prefix = variableName(s.meta().name);
      env.put(prefix + "_SERVICE_HOST", ip);
      String portName = prefix + "_SERVICE_PORT";
      env.put(portName, String.valueOf(s.spec.ports.get(0).port));
      for (ServicePort p : s.spec.ports) {
        if (p.name != null && !p.name.isEmpty()) {
          env.put(portName + "_" + variableName(p.name), String.valueOf(p.port));
        }
      }
      links(prefix, ip, s.spec.ports, env);
    }
    return env;
  }

  private static void links(
      String prefix, String ip, List<ServicePort> ports, Map<String, String> env) {
    for (int i = 0; i < ports.size(); i++) {
      ServicePort p = ports.get(i);
      String protocol = p.protocol == null || p.protocol.isEmpty() ? "TCP" : p.protocol;
      String lower = protocol.toLowerCase(Locale.ROOT);
      String url = lower + "://" + ip + ":" + p.port;
      if (i == 0) {
        env.put(prefix + "_PORT", url);
      }
      String portPrefix = prefix + "_PORT_" + p.port + "_" + protocol.toUpperCase(Locale.ROOT);
      env.put(portPrefix, url);
      env.put(portPrefix + "_PROTO", lower);
      env.put(portPrefix + "_PORT", String.valueOf(p.port));
      env.put(portPrefix + "_ADDR", ip);
    }
  }

  static String variableName(String name) {
    return name.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static boolean isIpSet(String clusterIp) {
    return clusterIp != null && !clusterIp.isEmpty() && !clusterIp.equals("None");
  }
}
