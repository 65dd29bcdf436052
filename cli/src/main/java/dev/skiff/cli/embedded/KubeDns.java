package dev.skiff.cli.embedded;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import dev.skiff.dns.DnsServerOptions;
import dev.skiff.dns.KubeDnsService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The {@code kube-system/kube-dns} Service: a ClusterIP (the 10th address of the service range) on
 * port 53, UDP and TCP, without a selector. The node agents' DNS servers publish themselves as its
 * endpoints.
 */
public final class KubeDns {
  public static final int SERVER_PORT = DnsServerOptions.HIGH_PORT;

  private KubeDns() {}

  /**
   * Creates the Service ({@link KubeDnsService#service}) unless it exists (a restarted cluster
   * keeps it: creating it again would fail on its ClusterIP, which the kept one holds).
   */
  public static Future<Void> ensureService(KubeClient client, String serviceCidr) {
    return client
        .get(Service.class, KubeDnsService.NAMESPACE, KubeDnsService.NAME)
        .<Void>mapEmpty()
        .recover(
            e ->
                e instanceof StatusException s && s.is(Reason.NOT_FOUND)
                    ? client.create(KubeDnsService.service(serviceCidr, SERVER_PORT)).mapEmpty()
                    : Future.failedFuture(e));
  }

  /** Completes once {@code kube-dns.kube-system.svc.cluster.local} resolves at address:port. */
  static Future<Void> awaitAnswer(Vertx vertx, String address, int port, Duration timeout) {
    return Polling.until(
        vertx,
        timeout,
        () ->
            vertx
                .executeBlocking(() -> answers(address, port), false)
                .transform(
                    r ->
                        Future.succeededFuture(
                            r.succeeded() && r.result()
                                ? Optional.<String>empty()
                                : Optional.of(
                                    "cluster DNS at "
                                        + address
                                        + ":"
                                        + port
                                        + " did not answer in time"))));
  }

  private static boolean answers(String address, int port) throws Exception {
    SimpleResolver resolver = new SimpleResolver(address);
    resolver.setPort(port);
    resolver.setTimeout(Duration.ofMillis(300));
    Record question =
        Record.newRecord(
            Name.fromString("kube-dns.kube-system.svc.cluster.local."), Type.A, DClass.IN);
    Message reply = resolver.send(Message.newQuery(question));
    return reply.getRcode() == Rcode.NOERROR
        && !reply.getSection(org.xbill.DNS.Section.ANSWER).isEmpty();
  }
}
