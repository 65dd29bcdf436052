package dev.skiff.cli.trace;

import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.resource.Resources;
import dev.skiff.cli.ClusterHome;
import dev.skiff.cli.ReadyInfo;
import dev.skiff.cli.resource.NamedClusterCommand;
import dev.skiff.cli.resource.ResourceArgs;
import dev.skiff.cli.resource.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skiff trace service/NAME}: the path of a connection, and why pods get no traffic. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Draw the path a connection to a Service takes, and explain pods that get no traffic.",
      "Stages: LoadBalancer ingress, each node's NodePort, the ClusterIP, each endpoint (with",
      "connections served when the node agents report them); then pods that look related but",
      "are not selected or not Ready."
    },
    footer = {
      "",
      "Examples:",
      "  skiff trace service/web",
      "  skiff trace svc/api -n shop",
      "  skiff trace web --no-metrics     skip asking the node agents for counters"
    })
public final class TraceCommand extends NamedClusterCommand {
  @Parameters(
      paramLabel = "service/NAME",
      description = "The Service (service/NAME, svc/NAME or NAME).")
  String what;

  @Option(names = "--no-metrics", description = "Do not read connection counters from the nodes.")
  boolean noMetrics;

  @Option(
      names = "--metrics-timeout",
      paramLabel = "MS",
      defaultValue = "1500",
      description = "How long to wait for each node's metrics (default: ${DEFAULT-VALUE} ms).")
  long metricsTimeout;

  private String name;

  @Override
  protected void validate() {
    name =
        ResourceArgs.nameOf(what, Resources.SERVICES, "trace follows services: use service/NAME");
  }

  /**
   * Where the named Skiff cluster's LoadBalancer role serves its counters (from its ready file), or
   * null: with {@code --kubeconfig}, or a cluster started before it was recorded.
   */
  private String loadBalancerEndpoint() {
    if (cluster.kubeconfig() != null) {
      return null;
    }
    Path ready = ClusterHome.of(cluster.clusterName()).readyFile();
    try {
      return Files.isRegularFile(ready) ? ReadyInfo.readFrom(ready).loadBalancer() : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  protected int run(Session session) {
    String ns = session.namespace();
    Service service = session.await(session.client().get(Service.class, ns, name));
    List<Pod> pods = session.await(session.client().list(Pod.class, ns, ListOptions.none())).items;
    List<EndpointSlice> slices =
        session.await(
                session
                    .client()
                    .list(
                        EndpointSlice.class,
                        ns,
                        ListOptions.labelSelector(EndpointSlice.SERVICE_NAME_LABEL + "=" + name)))
            .items;
    List<Node> nodes =
        session.await(session.client().list(Node.class, null, ListOptions.none())).items;
    ConnectionCounts counts =
        noMetrics
            ? null
            : session.await(
                new MetricsScraper(session.vertx(), metricsTimeout)
                    .scrape(nodes, loadBalancerEndpoint()));
    out()
        .print(
            new TraceRenderer(colors())
                .render(new TraceInput(service, pods, slices, nodes, counts)));
    return 0;
  }
}
