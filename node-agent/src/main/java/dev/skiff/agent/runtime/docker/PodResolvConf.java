package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.runtime.DnsSettings;
import dev.skiff.agent.runtime.SandboxSpec;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resolv.conf(5) a pod's containers see: rendered from its DNS settings and written over the
 * engine's. (Not {@code dev.skiff.dns.forward.ResolvConf}, which reads the host's name servers.)
 */
final class PodResolvConf {
  private static final Logger LOG = LoggerFactory.getLogger(PodResolvConf.class);

  private PodResolvConf() {}

  /**
   * Writes the pod's resolv.conf over the one the engine generated at {@code path} (as the
   * kubelet's dockershim did): on a user-defined network the engine would point it at its embedded
   * resolver instead of the cluster DNS. The pod's other containers share the sandbox's file. A
   * failure is logged; the pod keeps the engine's resolver.
   */
  static Future<Void> write(WorkerExecutor blocking, String path, SandboxSpec spec) {
    if (spec.dns().isHost() || path == null || path.isEmpty()) {
      return Future.succeededFuture();
    }
    return blocking
        .executeBlocking(() -> Files.writeString(Path.of(path), render(spec.dns())), false)
        .<Void>mapEmpty()
        .recover(
            e -> {
              LOG.warn("pod {}: cannot write {}: {}", spec.name(), path, e.toString());
              return Future.succeededFuture();
            });
  }

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
