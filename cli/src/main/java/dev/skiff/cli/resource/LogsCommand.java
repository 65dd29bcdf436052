package dev.skiff.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.Resources;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skiff logs}: a container's log through the pods/log subresource, optionally followed. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Print the log of a container in a pod.",
    footer = {
      "",
      "Examples:",
      "  skiff logs web                 the log of the pod web's (only or default) container",
      "  skiff logs web -c sidecar      of its container sidecar",
      "  skiff logs -f --tail 20 web    the last 20 lines, then follow"
    })
public final class LogsCommand extends NamedClusterCommand {
  static final String DEFAULT_CONTAINER = "kubectl.kubernetes.io/default-container";

  /** Marks the end of a followed stream in the queue. */
  private static final Buffer END = Buffer.buffer();

  @Parameters(paramLabel = "POD", description = "The pod (NAME or pod/NAME).")
  String pod;

  @Option(
      names = {"-c", "--container"},
      paramLabel = "NAME",
      description = "The container.")
  String container;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep streaming new lines.")
  boolean follow;

  @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines.")
  Long tail;

  @Option(
      names = {"-p", "--previous"},
      description = "The previous instance of the container.")
  boolean previous;

  @Option(names = "--timestamps", description = "Prefix each line with its time.")
  boolean timestamps;

  private String podName;

  @Override
  protected void validate() {
    podName = ResourceArgs.nameOf(pod, Resources.PODS, "logs reads pods; use pod/NAME or NAME");
  }

  @Override
  protected int run(Session session) throws InterruptedException {
    String ns = session.namespace();
    ObjectNode object = session.await(session.raw().get(Resources.PODS, ns, podName));
    Map<String, String> query = new LinkedHashMap<>();
    query.put("container", container != null ? container : defaultContainer(object));
    if (tail != null) {
      query.put("tailLines", tail.toString());
    }
    if (previous) {
      query.put("previous", "true");
    }
    if (timestamps) {
      query.put("timestamps", "true");
    }
    PrintStream stdout = System.out;
    if (!follow) {
      Buffer log =
          session.await(
              session.raw().getSubresourceBytes(Resources.PODS, ns, podName, "log", query));
      stdout.write(log.getBytes(), 0, log.length());
      stdout.flush();
      return 0;
    }
    query.put("follow", "true");
    ReadStream<Buffer> stream =
        session.await(session.raw().streamSubresource(Resources.PODS, ns, podName, "log", query));
    BlockingQueue<Buffer> chunks = new LinkedBlockingQueue<>();
    Throwable[] failure = new Throwable[1];
    stream.handler(chunks::add);
    stream.exceptionHandler(
        t -> {
          failure[0] = t;
          chunks.add(END);
        });
    stream.endHandler(v -> chunks.add(END));
    stream.resume();
    for (Buffer chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
      stdout.write(chunk.getBytes(), 0, chunk.length());
      stdout.flush();
    }
    if (failure[0] != null) {
      throw CliException.failed("log stream broke: " + failure[0].getMessage());
    }
    return 0;
  }

  private String defaultContainer(JsonNode pod) {
    List<String> names = new ArrayList<>();
    pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
    if (names.isEmpty()) {
      throw CliException.failed("pod " + podName + " has no containers");
    }
    String annotated = pod.path("metadata").path("annotations").path(DEFAULT_CONTAINER).asText("");
    if (names.contains(annotated)) {
      return annotated;
    }
    if (names.size() > 1) {
      err()
          .println(
              "Defaulted container \"" + names.get(0) + "\" out of: " + String.join(", ", names));
      err().flush();
    }
    return names.get(0);
  }
}
